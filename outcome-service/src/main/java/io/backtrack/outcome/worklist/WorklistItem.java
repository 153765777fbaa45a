package io.backtrack.outcome.worklist;

import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One thing a clinician of the clinic should act on: what it is ({@code kind}, and the id of the
 * escalation, review or plan), whose it is, how urgent, and since when it has been waiting.
 */
public record WorklistItem(Kind kind, UUID id, UUID patientId, Urgency urgency, Instant since, String summary) {

    public enum Kind {
        /** A recommended, acknowledged or ordered escalation. */
        ESCALATION,
        /** The patient's latest review closed without measures. */
        OVERDUE_REVIEW,
        /** A review that fell due and waits for its measures. */
        AWAITING_REVIEW,
        /** A plan on hold: the patient cannot log sessions until a clinician resumes or revises it. */
        PLAN_ON_HOLD
    }

    /** Most urgent first, then the longest waiting, then by id so that pages never overlap. */
    static final Comparator<WorklistItem> ORDER = Comparator.comparing(WorklistItem::urgency)
            .thenComparing(WorklistItem::since)
            .thenComparing(WorklistItem::id);
}
