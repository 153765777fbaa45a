package io.backtrack.contracts;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.RedFlagFinding;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.clinical.WatchFlagCode;
import io.backtrack.contracts.outcome.EscalationRecommended;
import io.backtrack.contracts.outcome.EscalationUpdated;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.contracts.outcome.MeasureRecorded;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.contracts.patient.IntakeBaseline;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.contracts.plan.SessionCompleted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A realistic instance of every contract event, as a partner would receive it. */
final class SampleEvents {

    static final UUID PATIENT = UUID.fromString("6f1c2a52-63c4-4d0e-9a53-0b7a4b8f3e11");
    static final UUID PLAN = UUID.fromString("0d4c7a31-88a2-4c2e-b1f1-3c5f8a9e2d40");
    static final String CLINIC = "clinic-north";
    static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    static final LocalDate START = LocalDate.of(2026, 10, 5);

    private SampleEvents() {
    }

    static Record of(EventType type) {
        return switch (type) {
            case PATIENT_REGISTERED -> new PatientRegistered(PATIENT, CLINIC, "kc-7731", AT);
            case INTAKE_COMPLETED -> new IntakeCompleted(PATIENT, CLINIC, UUID.randomUUID(), LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 9, 10), EpisodeStage.ACUTE, List.of("M51.16", "M54.50"),
                    List.of("PAIN_RADIATING_DOWN_LEG", "NUMBNESS_OR_TINGLING"),
                    List.of(new RedFlagFinding(UUID.randomUUID(), RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT,
                            SuspectedCondition.MALIGNANCY)),
                    List.of(WatchFlagCode.NIGHT_PAIN), new StartBackResult(5, 4, StartBackRisk.HIGH),
                    new IntakeBaseline(7, new BigDecimal("44.0"), 22, 10, null, new BigDecimal("3.5")),
                    true, false, false, AT);
            case RED_FLAG_RAISED -> new RedFlagRaised(PATIENT, CLINIC, UUID.randomUUID(), UUID.randomUUID(),
                    RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY, SuspectedCondition.CAUDA_EQUINA_SYNDROME, AT, null);
            case RED_FLAG_CLEARED -> new RedFlagCleared(PATIENT, CLINIC, UUID.randomUUID(), RedFlagCode.MALIGNANCY_RISK,
                    true, AT);
            case PLAN_ACTIVATED -> new PlanActivated(PATIENT, CLINIC, PLAN, 1, null, START, 3, 6, 2, 6,
                    List.of("PLAN-PASSIVE-SHARE"), AT);
            case SESSION_COMPLETED -> new SessionCompleted(PATIENT, CLINIC, PLAN, UUID.randomUUID(),
                    Instant.parse("2026-10-06T18:00:00Z"), 1, 4, 3, true, 5, 4, 6, List.of(), List.of(), false, AT);
            case ADHERENCE_MISSED -> new AdherenceMissed(PATIENT, CLINIC, PLAN, 2, START.plusDays(7), START.plusDays(13),
                    3, 1, 33, 2, AT, new BigDecimal("33.3"));
            case REVIEW_DUE, FOUR_WEEK_REVIEW_DUE -> new ReviewDue(PATIENT, CLINIC, PLAN, 4, START, START.plusDays(28),
                    AdherenceSnapshot.of(9, 12, true), AT);
            case REVIEW_ADHERENCE_UPDATED -> new ReviewAdherenceUpdated(PATIENT, CLINIC, PLAN, 4, START,
                    START.plusDays(28), UUID.randomUUID(), AdherenceSnapshot.of(10, 12, true), AT);
            case PLAN_STATUS_CHANGED -> new PlanStatusChanged(PATIENT, CLINIC, PLAN, PlanStatus.ACTIVE,
                    PlanStatus.ON_HOLD, "RED_FLAG_RAISED", AT, List.of("PLAN-RED-FLAG"));
            case MEASURE_RECORDED -> new MeasureRecorded(PATIENT, CLINIC, UUID.randomUUID(), MeasureType.ODI,
                    LocalDate.of(2026, 11, 1), new BigDecimal("38.0"), 19, 10, AT);
            case REVIEW_COMPLETED -> new ReviewCompleted(PATIENT, CLINIC, UUID.randomUUID(), PLAN, 4,
                    START.plusDays(28), ReviewStatus.COMPLETED, ReviewVerdict.NON_RESPONDING,
                    new MeasureChange(new BigDecimal("7"), new BigDecimal("6"), new BigDecimal("1"), false, false),
                    new MeasureChange(new BigDecimal("44.0"), new BigDecimal("38.0"), new BigDecimal("6.0"), false, false),
                    AdherenceSnapshot.of(10, 12, true), AT);
            case ESCALATION_RECOMMENDED -> new EscalationRecommended(PATIENT, CLINIC, UUID.randomUUID(),
                    EscalationType.PLAN_REVISION, Urgency.ROUTINE, "ESC-RADICULAR-WK4", "1.3",
                    "Adherent radicular patient not responding at week 4: revise the plan and review at week 6.",
                    Map.of("verdict", "NON_RESPONDING", "adherencePercent", 83, "conditions", List.of("M51.16")),
                    "ACP 2017; NICE NG59", UUID.randomUUID(), AT);
            case ESCALATION_UPDATED -> new EscalationUpdated(PATIENT, CLINIC, UUID.randomUUID(),
                    EscalationType.IMAGING, EscalationStatus.ACKNOWLEDGED, EscalationStatus.DECLINED, Urgency.ROUTINE,
                    "ESC-RADICULAR-WK6", "Patient prefers to continue conservative care", AT);
        };
    }
}
