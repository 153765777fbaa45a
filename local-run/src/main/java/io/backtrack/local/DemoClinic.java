package io.backtrack.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fills clinic-north with patients in telling states, through the public REST APIs only: one
 * improving, one not adhering, an adherent disc radiculopathy not responding at week 6, and one with
 * an emergency red flag. Plans are backdated, so their reviews fall due and escalations appear within
 * a minute.
 */
final class DemoClinic {

    private static final String PATIENTS = "http://localhost:8081/api/v1/patients";
    private static final String PLANS = "http://localhost:8082/api/v1";
    private static final String OUTCOMES = "http://localhost:8083/api/v1";
    private static final String PATIENT_LOGIN = "6a1f0c4e-2f0b-4c7e-9a7e-1d3c5b7a9e03";
    private static final List<String> RED_FLAG_QUESTIONS = List.of("newBladderOrBowelDysfunction", "saddleNumbness",
            "bilateralLegNeurologicalDeficit", "progressiveMotorWeakness", "fever", "recentInfection",
            "immunosuppression", "intravenousDrugUse", "historyOfCancer", "unexplainedWeightLoss", "majorTrauma",
            "minorTrauma", "osteoporosis", "longTermCorticosteroids", "constantNightPain");
    private static final List<List<String>> PHASES = List.of(List.of("SC-01", "CS-01", "CS-04"),
            List.of("SG-03", "SG-04", "AE-01"));

    private final Api api = new Api();
    private final String clinician;
    private final LocalDate today = LocalDate.now(Clock.systemUTC());

    private DemoClinic(String clinician) {
        this.clinician = clinician;
    }

    /** Creates the demo patients unless an earlier run did; returns what it did, for the console. */
    static String seed(String issuer) throws IOException, InterruptedException {
        DemoClinic demo = new DemoClinic(new Api().token(issuer, "dr.north"));
        if (demo.api.get(demo.clinician, PATIENTS + "?name=demo").contains("\"total\":0")) {
            demo.improving();
            demo.notAdhering();
            demo.radicularNonResponderAtWeekSix();
            demo.emergencyRedFlag();
            return "demo clinic created in clinic-north (log in as dr.north; pat.north is the improving patient)";
        }
        return "demo clinic already present in clinic-north";
    }

    private void improving() throws IOException, InterruptedException {
        String patient = register("Ivy", "Demo-Improving", PATIENT_LOGIN);
        String intake = intake(patient, "M54.50", 7, sections(2, 0), List.of());
        String plan = plan(patient, intake, 28);
        sessions(plan, 28, 3);
        measures(patient, today, 3, sections(1, 0));
    }

    private void notAdhering() throws IOException, InterruptedException {
        String patient = register("Noah", "Demo-NotAdhering", null);
        String intake = intake(patient, "M54.50", 7, sections(2, 0), List.of());
        String plan = plan(patient, intake, 28);
        sessions(plan, 28, 1);
        measures(patient, today, 7, sections(2, 0));
    }

    private void radicularNonResponderAtWeekSix() throws IOException, InterruptedException {
        String patient = register("Rita", "Demo-Radicular", null);
        String intake = intake(patient, "M51.16", 7, sections(2, 2), List.of());
        String plan = plan(patient, intake, 42);
        sessions(plan, 42, 3);
        measures(patient, today.minusDays(15), 7, sections(2, 2));
        measures(patient, today, 7, sections(2, 2));
    }

    private void emergencyRedFlag() throws IOException, InterruptedException {
        String patient = register("Eli", "Demo-Emergency", null);
        intake(patient, "M54.50", 8, sections(3, 0), List.of("newBladderOrBowelDysfunction", "saddleNumbness"));
    }

    private String register(String given, String family, String login) throws IOException, InterruptedException {
        return api.create(clinician, PATIENTS, """
                {"givenName":"%s","familyName":"%s","birthDate":"1968-04-12","sex":"OTHER"%s}"""
                .formatted(given, family, login == null ? "" : ",\"loginSubject\":\"" + login + "\""));
    }

    /** Records an intake in patient-service; returns its id. */
    private String intake(String patient, String condition, int pain, String odi, List<String> redFlags)
            throws IOException, InterruptedException {
        String screen = RED_FLAG_QUESTIONS.stream()
                .map(q -> "\"" + q + "\":" + redFlags.contains(q))
                .collect(Collectors.joining(","));
        return api.create(clinician, PATIENTS + "/" + patient + "/intakes", """
                {"intakeDate":"%s","onsetDate":"%s","trigger":"NONE","history":{"previousEpisodes":1},
                 "symptoms":["MUSCLE_ACHE","PAIN_RADIATING_DOWN_LEG"],"conditions":["%s"],"redFlagScreen":{%s},
                 "startBack":{"legPain":true,"shoulderOrNeckPain":false,"walkedOnlyShortDistances":true,
                   "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":true,
                   "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"VERY_MUCH"},
                 "odi":%s,"painNrs":%d,"motorDeficit":false}"""
                .formatted(today.minusDays(50), today.minusDays(70), condition, screen, odi, pain));
    }

    /**
     * A two-phase plan started {@code daysAgo}, based on the intake; waits, as a front-end would, until
     * plan-service's clinical profile lists that intake (before, the plan would be 409 intake-pending).
     */
    private String plan(String patient, String intake, int daysAgo) throws IOException, InterruptedException {
        String profile = PLANS + "/patients/" + patient + "/clinical-profile";
        for (int attempt = 0; attempt < 60 && !applied(profile, intake); attempt++) {
            Thread.sleep(500);
        }
        return api.create(clinician, PLANS + "/patients/" + patient + "/plans", """
                {"intakeId":"%s","startDate":"%s","sessionsPerWeek":3,"durationWeeks":8,
                 "phases":[{"name":"Spine control","weeks":2,"items":[%s]},{"name":"Loading","weeks":6,"items":[%s]}],
                 "painTriggers":["Sitting more than 30 minutes"],"activityModifications":["Stand every 30 minutes"],
                 "goals":["Walk 30 minutes without pain"]}"""
                .formatted(intake, today.minusDays(daysAgo), items(PHASES.get(0)), items(PHASES.get(1))));
    }

    private boolean applied(String profileUrl, String intake) throws IOException, InterruptedException {
        return api.status(clinician, profileUrl) == 200 && api.get(clinician, profileUrl).contains("\"" + intake + "\"");
    }

    /** {@code perWeek} sessions in every week of the last {@code days}, each doing the whole phase. */
    private void sessions(String plan, int days, int perWeek) throws IOException, InterruptedException {
        for (int week = 0; week < days / 7; week++) {
            List<String> exercises = PHASES.get(week < 2 ? 0 : 1);
            for (int session = 0; session < perWeek; session++) {
                Instant performed = today.minusDays(days).plusDays(7L * week + 2L * session)
                        .atTime(18, 0).toInstant(ZoneOffset.UTC);
                api.create(clinician, PLANS + "/plans/" + plan + "/sessions", """
                        {"performedAt":"%s","exercisesDone":[%s],"painBefore":5,"painAfter":4,"effort":5}"""
                        .formatted(performed, exercises.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(","))));
            }
        }
    }

    private void measures(String patient, LocalDate effective, int pain, String odi) throws IOException, InterruptedException {
        String url = OUTCOMES + "/patients/" + patient + "/measures";
        api.create(clinician, url, """
                {"type":"PAIN_NRS","effectiveDate":"%s","painNrs":%d}""".formatted(effective, pain));
        api.create(clinician, url, """
                {"type":"ODI","effectiveDate":"%s","odi":%s}""".formatted(effective, odi));
    }

    /** ODI answers: every section {@code each}, and {@code higher} of them one point more. */
    private static String sections(int each, int higher) {
        String[] names = {"painIntensity", "personalCare", "lifting", "walking", "sitting", "standing", "sleeping",
                "sexLife", "socialLife", "travelling"};
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":").append(i < higher ? each + 1 : each);
        }
        return json.append('}').toString();
    }

    private static String items(List<String> codes) {
        return codes.stream().map(c -> "{\"exerciseCode\":\"" + c + "\"}").collect(Collectors.joining(","));
    }
}
