package io.backtrack.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.patient.IntakeBaseline;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes events to the real broker as their owners would: patient-service, or outcome-service for reviews. */
public final class PatientEventsFixture {

    private PatientEventsFixture() {
    }

    /** Publishes the event with a new ce_id, and returns that id. */
    public static String publish(UUID patientId, Record payload) {
        try {
            return publish(patientId, EventType.of(payload.getClass()), EventJson.mapper().writeValueAsString(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a payload of the type as it is, with a new ce_id, and returns that id. */
    public static String publish(UUID patientId, EventType type, String payload) {
        String ceId = UUID.randomUUID().toString();
        TopicProbe.publish(type.topic().topicName(), patientId.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_source", type.topic().ownerSource(),
                "ce_type", type.ceType(),
                "ce_subject", patientId.toString(),
                "ce_time", Instant.now().toString(),
                "content-type", "application/json"), payload);
        return ceId;
    }

    /** Registers and takes in a patient, then waits until plan-service has applied the intake. */
    public static UUID patientWithIntake(String clinicId, String loginSubject, List<String> conditions, boolean motorDeficit) {
        UUID patientId = registered(clinicId, loginSubject);
        UUID intakeId = intake(patientId, clinicId, conditions, motorDeficit);
        awaitApplied(patientId, clinicId, intakeId);
        return patientId;
    }

    /** Registers a patient and waits until plan-service knows them (no intake yet). */
    public static UUID registered(String clinicId, String loginSubject) {
        UUID patientId = UUID.randomUUID();
        publish(patientId, new PatientRegistered(patientId, clinicId, loginSubject, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.clinician(clinicId))
                .get("/api/v1/patients/" + patientId + "/plans").statusCode() == 200);
        return patientId;
    }

    /** Publishes a completed intake without waiting for it; returns its id. */
    public static UUID intake(UUID patientId, String clinicId, List<String> conditions, boolean motorDeficit) {
        UUID intakeId = UUID.randomUUID();
        publishIntake(patientId, clinicId, intakeId, conditions, motorDeficit);
        return intakeId;
    }

    public static void publishIntake(UUID patientId, String clinicId, UUID intakeId, List<String> conditions,
            boolean motorDeficit) {
        publish(patientId, new IntakeCompleted(patientId, clinicId, intakeId, LocalDate.now(),
                LocalDate.now().minusDays(20), EpisodeStage.ACUTE, conditions, List.of("MUSCLE_ACHE"), List.of(),
                List.of(), new StartBackResult(2, 1, StartBackRisk.LOW),
                new IntakeBaseline(6, new BigDecimal("30.0"), 15, 10, null, null), motorDeficit, false, true,
                Instant.now()));
    }

    public static void awaitApplied(UUID patientId, String clinicId, UUID intakeId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> intakeId.toString().equals(given().auth()
                .oauth2(TestTokens.clinician(clinicId)).get("/api/v1/patients/" + patientId + "/clinical-profile")
                .then().extract().path("latestIntakeId")));
    }

    public static UUID raiseRedFlag(UUID patientId, String clinicId, RedFlagCode flag) {
        return raiseRedFlag(patientId, clinicId, UUID.randomUUID(), flag, null);
    }

    /** Publishes red-flag-raised for {@code flagId}, as a session's report ({@code sessionId}) or not (null). */
    public static UUID raiseRedFlag(UUID patientId, String clinicId, UUID flagId, RedFlagCode flag, UUID sessionId) {
        publish(patientId, new RedFlagRaised(patientId, clinicId, flagId, sessionId == null ? UUID.randomUUID() : null,
                flag, Urgency.URGENT, SuspectedCondition.MALIGNANCY, Instant.now(), sessionId));
        return flagId;
    }

    /** Publishes red-flag-cleared and returns its ce_id. */
    public static String clearRedFlag(UUID patientId, String clinicId, UUID flagId, RedFlagCode flag) {
        return publish(patientId, new RedFlagCleared(patientId, clinicId, flagId, flag, true, Instant.now()));
    }
}
