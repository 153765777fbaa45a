package io.backtrack.plan.catalog;

/** Exercise categories and passive modalities of docs/clinical-rules.md §2. */
public enum ExerciseCategory {
    SPINE_CONTROL(Kind.ACTIVE),
    CORE_STABILIZATION(Kind.ACTIVE),
    STRETCHING(Kind.ACTIVE),
    ACTIVE_ROM(Kind.ACTIVE),
    MCKENZIE_EXTENSION(Kind.ACTIVE),
    FLEXION_BIASED(Kind.ACTIVE),
    STRENGTHENING(Kind.ACTIVE),
    AEROBIC(Kind.ACTIVE),
    GAIT_TRAINING(Kind.ACTIVE),
    FUNCTIONAL_RETRAINING(Kind.ACTIVE),
    EDUCATION(Kind.EDUCATION),
    HEAT(Kind.PASSIVE),
    COLD(Kind.PASSIVE),
    MASSAGE(Kind.PASSIVE),
    ULTRASOUND(Kind.PASSIVE),
    TENS(Kind.PASSIVE),
    PASSIVE_ROM(Kind.PASSIVE),
    TRACTION(Kind.PASSIVE),
    INTERFERENTIAL(Kind.PASSIVE),
    MANIPULATION(Kind.PASSIVE),
    DRY_NEEDLING(Kind.PASSIVE);

    /** Education is neither an active exercise nor a passive modality. */
    public enum Kind {
        ACTIVE,
        PASSIVE,
        EDUCATION
    }

    private final Kind kind;

    ExerciseCategory(Kind kind) {
        this.kind = kind;
    }

    public boolean isActive() {
        return kind == Kind.ACTIVE;
    }

    public boolean isPassive() {
        return kind == Kind.PASSIVE;
    }
}
