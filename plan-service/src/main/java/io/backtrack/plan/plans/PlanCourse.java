package io.backtrack.plan.plans;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The versions of one plan course, first to last (docs/clinical-rules.md §7, "a revision continues
 * the course"). A version is in force from the moment it was created until the next one was; the first
 * is also in force before it was created, for sessions of a plan that started in the past.
 */
public record PlanCourse(List<Plan> versions) {

    public PlanCourse {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a course has at least its first version");
        }
        versions = List.copyOf(versions);
    }

    public static Uni<PlanCourse> of(UUID courseId) {
        return Plan.<Plan>list("courseId = ?1 order by version", courseId).map(PlanCourse::new);
    }

    public LocalDate dayZero() {
        return versions.get(0).startDate;
    }

    public List<UUID> versionIds() {
        return versions.stream().map(plan -> plan.id).toList();
    }

    /** The version in force at that instant. */
    public Plan inForceAt(Instant instant) {
        Plan inForce = versions.get(0);
        for (Plan version : versions) {
            if (!version.createdAt.isAfter(instant)) {
                inForce = version;
            }
        }
        return inForce;
    }

    /** The version in force on a UTC calendar day: the last one created on or before it. */
    public Plan inForceOn(LocalDate day) {
        Plan inForce = versions.get(0);
        for (Plan version : versions) {
            if (!LocalDate.ofInstant(version.createdAt, ZoneOffset.UTC).isAfter(day)) {
                inForce = version;
            }
        }
        return inForce;
    }
}
