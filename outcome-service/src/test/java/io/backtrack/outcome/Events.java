package io.backtrack.outcome;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.patient.IntakeBaseline;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Patient and plan events as patient-service and plan-service publish them: CloudEvents binary mode on the real broker. */
public final class Events {

    public static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Events() {
    }

    /** Publishes with a fresh ce_id and returns it. */
    public static String publish(UUID patientId, Record payload) {
        String ceId = UUID.randomUUID().toString();
        publish(patientId, payload, ceId);
        return ceId;
    }

    public static void publish(UUID patientId, Record payload, String ceId) {
        publishAs(EventType.of(payload.getClass()), patientId, payload, ceId);
    }

    /** Publishes under a given type, e.g. a deprecated name of the payload's type. */
    public static void publishAs(EventType type, UUID patientId, Record payload, String ceId) {
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_source", type.topic().ownerSource(),
                "ce_type", type.ceType(),
                "ce_subject", patientId.toString(),
                "ce_time", Instant.now().toString(),
                "content-type", "application/json");
        try {
            TopicProbe.publish(type.topic().topicName(), patientId.toString(), headers,
                    EventJson.mapper().writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a patient (with a login when {@code loginSubject} is set) and waits until outcome-service
     * knows them; the first test of a run also waits for the consumers to join their group.
     */
    public static UUID registered(String clinicId, String loginSubject) {
        UUID patientId = UUID.randomUUID();
        publish(patientId, new PatientRegistered(patientId, clinicId, loginSubject, Instant.now()));
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(TestTokens.clinician(clinicId))
                .get("/api/v1/patients/" + patientId + "/progress").statusCode() == 200);
        return patientId;
    }

    /** An intake with baseline pain NRS and ODI raw sum over ten sections, and the given conditions. */
    public static IntakeCompleted intake(UUID patientId, String clinicId, int painNrs, int odiRawSum, StartBackRisk risk,
            boolean motorDeficit, String... conditions) {
        return intake(patientId, clinicId, TODAY.minusDays(30),
                new IntakeBaseline(painNrs, BigDecimal.valueOf(odiRawSum * 2L).setScale(1), odiRawSum, 10, null,
                        new BigDecimal("4.0")), risk, motorDeficit, conditions);
    }

    /** An intake on {@code intakeDate} with the given baseline. */
    public static IntakeCompleted intake(UUID patientId, String clinicId, LocalDate intakeDate, IntakeBaseline baseline,
            StartBackRisk risk, boolean motorDeficit, String... conditions) {
        return new IntakeCompleted(patientId, clinicId, UUID.randomUUID(), intakeDate, intakeDate.minusDays(30),
                EpisodeStage.SUBACUTE, List.of(conditions), List.of("MUSCLE_ACHE"), List.of(), List.of(),
                new StartBackResult(risk == StartBackRisk.HIGH ? 7 : 2, risk == StartBackRisk.HIGH ? 4 : 1, risk),
                baseline, motorDeficit, false, true, Instant.now());
    }

    public static PlanActivated activated(UUID patientId, String clinicId, UUID planId, LocalDate start) {
        return new PlanActivated(patientId, clinicId, planId, 1, null, start, 3, 8, 1, 5, List.of(), Instant.now());
    }

    /**
     * Publishes the activation of a new plan of the patient's, started on {@code start}, as plan-service
     * does before anything else about a plan, and returns its id: the events about it that follow on the
     * patient's partition are applied after it.
     */
    public static UUID activePlan(UUID patientId, String clinicId, LocalDate start) {
        UUID planId = UUID.randomUUID();
        publish(patientId, activated(patientId, clinicId, planId, start));
        return planId;
    }

    public static SessionCompleted session(UUID patientId, String clinicId, UUID planId, int painBefore, int painAfter,
            List<RedFlagCode> redFlags) {
        return new SessionCompleted(patientId, clinicId, planId, UUID.randomUUID(), Instant.now().minusSeconds(3600), 1,
                5, 5, true, painBefore, painAfter, 5, List.of(), redFlags, false, Instant.now());
    }

    public static ReviewDue reviewDue(UUID patientId, String clinicId, UUID planId, int week, LocalDate due,
            boolean adherent) {
        AdherenceSnapshot adherence = adherent ? AdherenceSnapshot.of(11, 12, true)
                : AdherenceSnapshot.of(5, 12, false);
        return new ReviewDue(patientId, clinicId, planId, week, due.minusDays(7L * week), due, adherence, Instant.now());
    }

    public static AdherenceMissed missed(UUID patientId, String clinicId, UUID planId, int week, int consecutive) {
        LocalDate start = TODAY.minusDays(7L * week);
        return new AdherenceMissed(patientId, clinicId, planId, week, start, start.plusDays(6), 3, 1, 33, consecutive,
                Instant.now(), new BigDecimal("33.3"));
    }

    public static RedFlagRaised redFlag(UUID patientId, String clinicId, RedFlagCode flag, Urgency urgency,
            SuspectedCondition suspected) {
        return new RedFlagRaised(patientId, clinicId, UUID.randomUUID(), UUID.randomUUID(), flag, urgency, suspected,
                Instant.now(), null);
    }
}
