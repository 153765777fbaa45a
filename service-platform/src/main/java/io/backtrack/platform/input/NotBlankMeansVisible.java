package io.backtrack.platform.input;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @NotBlank} everywhere in the services means "holds a visible character" ({@link VisibleText}),
 * not Bean Validation's "holds something beyond ASCII spaces", which let a zero-width space pass.
 */
@Singleton
public class NotBlankMeansVisible implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                .validatedBy(VisibleTextValidator.class);
        configuration.addMapping(mapping);
    }

    public static class VisibleTextValidator implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return VisibleText.isPresent(value);
        }
    }
}
