package io.backtrack.contracts;

import io.backtrack.contracts.outcome.EscalationRecommended;
import io.backtrack.contracts.outcome.EscalationUpdated;
import io.backtrack.contracts.outcome.MeasureRecorded;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.contracts.plan.SessionCompleted;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every event type of the partner contract: its CloudEvents type, topic, payload record and JSON Schema. */
public enum EventType {
    PATIENT_REGISTERED(Topic.PATIENT, "registered", PatientRegistered.class),
    INTAKE_COMPLETED(Topic.PATIENT, "intake-completed", IntakeCompleted.class),
    RED_FLAG_RAISED(Topic.PATIENT, "red-flag-raised", RedFlagRaised.class),
    RED_FLAG_CLEARED(Topic.PATIENT, "red-flag-cleared", RedFlagCleared.class),
    PLAN_ACTIVATED(Topic.PLAN, "activated", PlanActivated.class),
    SESSION_COMPLETED(Topic.PLAN, "session-completed", SessionCompleted.class),
    ADHERENCE_MISSED(Topic.PLAN, "adherence-missed", AdherenceMissed.class),
    /** A week-4 or week-6 review fell due (since 1.3; it was four-week-review-due before). */
    REVIEW_DUE(Topic.PLAN, "review-due", ReviewDue.class),
    /**
     * The name review-due had until 1.3, which did not say that week 6 uses it too: published next to
     * review-due during the deprecation window (docs/partner-guide.md), then removed.
     */
    FOUR_WEEK_REVIEW_DUE(Topic.PLAN, "four-week-review-due", REVIEW_DUE),
    REVIEW_ADHERENCE_UPDATED(Topic.PLAN, "review-adherence-updated", ReviewAdherenceUpdated.class),
    PLAN_STATUS_CHANGED(Topic.PLAN, "status-changed", PlanStatusChanged.class),
    MEASURE_RECORDED(Topic.OUTCOME, "measure-recorded", MeasureRecorded.class),
    REVIEW_COMPLETED(Topic.OUTCOME, "review-completed", ReviewCompleted.class),
    ESCALATION_RECOMMENDED(Topic.OUTCOME, "escalation-recommended", EscalationRecommended.class),
    ESCALATION_UPDATED(Topic.OUTCOME, "escalation-updated", EscalationUpdated.class);

    private final Topic topic;
    private final String name;
    private final Class<? extends Record> payloadType;
    private final EventType deprecatedFor;

    EventType(Topic topic, String name, Class<? extends Record> payloadType) {
        this.topic = topic;
        this.name = name;
        this.payloadType = payloadType;
        this.deprecatedFor = null;
    }

    /** A deprecated name of {@code current}: the same payload, published next to it. */
    EventType(Topic topic, String name, EventType current) {
        this.topic = topic;
        this.name = name;
        this.payloadType = current.payloadType;
        this.deprecatedFor = current;
    }

    /** The CloudEvents {@code type}, e.g. {@code backtrack.patient.intake-completed.v1}. */
    public String ceType() {
        return "backtrack." + topic.name().toLowerCase() + "." + name + ".v1";
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** The type that replaces this one, if this is a deprecated name. */
    public Optional<EventType> deprecatedFor() {
        return Optional.ofNullable(deprecatedFor);
    }

    /** The AsyncAPI message name: the payload record's, or for a deprecated name its own, e.g. FourWeekReviewDue. */
    public String messageName() {
        if (deprecatedFor == null) {
            return payloadType.getSimpleName();
        }
        return Arrays.stream(name.split("-")).map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this type's payload. */
    public String schemaResource() {
        return "/io/backtrack/contracts/schemas/" + ceType() + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    /** The current type of a payload record. */
    public static EventType of(Class<? extends Record> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType) && t.deprecatedFor == null)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + payloadType.getName()));
    }

    /** Every type a payload record is published as: its current type, then its deprecated names. */
    public static List<EventType> publishedAs(Class<? extends Record> payloadType) {
        EventType current = of(payloadType);
        return Arrays.stream(values()).filter(t -> t == current || t.deprecatedFor == current).toList();
    }
}
