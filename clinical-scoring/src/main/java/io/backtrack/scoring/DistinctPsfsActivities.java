package io.backtrack.scoring;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A PSFS rates each activity once: a scale that names an activity twice weighs it double in its mean.
 * Activities are the same when they differ only in case or spacing ("Walking", " walking ").
 */
@Documented
@Constraint(validatedBy = DistinctPsfsActivities.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface DistinctPsfsActivities {

    String message() default "must name each activity once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DistinctPsfsActivities, List<PsfsActivity>> {

        @Override
        public boolean isValid(List<PsfsActivity> rated, ConstraintValidatorContext context) {
            if (rated == null) {
                return true;
            }
            Set<String> named = new HashSet<>();
            return rated.stream().filter(Objects::nonNull).map(PsfsActivity::activity).filter(Objects::nonNull)
                    .allMatch(activity -> named.add(sameness(activity)));
        }

        private static String sameness(String activity) {
            return activity.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
