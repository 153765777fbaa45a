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
import java.util.Optional;

/** Every event type of the partner contract: its CloudEvents type, topic, payload record and JSON Schema. */
public enum EventType {
    PATIENT_REGISTERED(Topic.PATIENT, "registered", PatientRegistered.class),
    INTAKE_COMPLETED(Topic.PATIENT, "intake-completed", IntakeCompleted.class),
    RED_FLAG_RAISED(Topic.PATIENT, "red-flag-raised", RedFlagRaised.class),
    RED_FLAG_CLEARED(Topic.PATIENT, "red-flag-cleared", RedFlagCleared.class),
    PLAN_ACTIVATED(Topic.PLAN, "activated", PlanActivated.class),
    SESSION_COMPLETED(Topic.PLAN, "session-completed", SessionCompleted.class),
    ADHERENCE_MISSED(Topic.PLAN, "adherence-missed", AdherenceMissed.class),
    REVIEW_DUE(Topic.PLAN, "four-week-review-due", ReviewDue.class),
    REVIEW_ADHERENCE_UPDATED(Topic.PLAN, "review-adherence-updated", ReviewAdherenceUpdated.class),
    PLAN_STATUS_CHANGED(Topic.PLAN, "status-changed", PlanStatusChanged.class),
    MEASURE_RECORDED(Topic.OUTCOME, "measure-recorded", MeasureRecorded.class),
    REVIEW_COMPLETED(Topic.OUTCOME, "review-completed", ReviewCompleted.class),
    ESCALATION_RECOMMENDED(Topic.OUTCOME, "escalation-recommended", EscalationRecommended.class),
    ESCALATION_UPDATED(Topic.OUTCOME, "escalation-updated", EscalationUpdated.class);

    private final Topic topic;
    private final String name;
    private final Class<? extends Record> payloadType;

    EventType(Topic topic, String name, Class<? extends Record> payloadType) {
        this.topic = topic;
        this.name = name;
        this.payloadType = payloadType;
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

    /** Classpath location of the JSON Schema (draft 2020-12) of this type's payload. */
    public String schemaResource() {
        return "/io/backtrack/contracts/schemas/" + ceType() + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends Record> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + payloadType.getName()));
    }
}
