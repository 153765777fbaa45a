package io.backtrack.system;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Request bodies a clinic front-end sends, for the system tests that need an intake and a plan. */
final class ClinicRequests {

    private static final List<String> RED_FLAG_QUESTIONS = List.of("newBladderOrBowelDysfunction", "saddleNumbness",
            "bilateralLegNeurologicalDeficit", "progressiveMotorWeakness", "fever", "recentInfection",
            "immunosuppression", "intravenousDrugUse", "historyOfCancer", "unexplainedWeightLoss", "majorTrauma",
            "minorTrauma", "osteoporosis", "longTermCorticosteroids", "constantNightPain");

    private ClinicRequests() {
    }

    /** The members of a red-flag screen, every answer no but {@code yes} (which may be null). */
    static String redFlagScreen(String yes) {
        return RED_FLAG_QUESTIONS.stream().map(q -> "\"" + q + "\":" + q.equals(yes)).collect(Collectors.joining(","));
    }

    /** An intake with one condition, no red flag or saddle numbness (EMERGENCY), and an ODI of 40%. */
    static String intake(LocalDate onset, String condition, boolean saddleNumbness) {
        return """
                {"onsetDate":"%s","trigger":"NONE","history":{"previousEpisodes":1},"symptoms":["MUSCLE_ACHE"],
                 "conditions":["%s"],"redFlagScreen":{%s},
                 "startBack":{"legPain":false,"shoulderOrNeckPain":false,"walkedOnlyShortDistances":false,
                   "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":false,
                   "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"MODERATELY"},
                 "odi":{"painIntensity":2,"personalCare":2,"lifting":2,"walking":2,"sitting":2,"standing":2,
                   "sleeping":2,"sexLife":2,"socialLife":2,"travelling":2},"painNrs":6,"motorDeficit":false}"""
                .formatted(onset, condition, redFlagScreen(saddleNumbness ? "saddleNumbness" : null));
    }

    /** Spine control first, then loading; with lumbar manipulation (PM-09) when asked. */
    static String plan(String basedOnIntake, LocalDate start, boolean manipulation) {
        return """
                {%s"startDate":"%s","sessionsPerWeek":3,
                 "phases":[{"name":"Spine control","weeks":2,"items":[{"exerciseCode":"SC-01"},{"exerciseCode":"CS-01"},
                   {"exerciseCode":"CS-04"},{"exerciseCode":"ED-01"}%s]},
                   {"name":"Loading","weeks":4,"items":[{"exerciseCode":"SG-03"},{"exerciseCode":"AE-01"}]}],
                 "painTriggers":["Sitting"],"activityModifications":["Stand every 30 minutes"]}"""
                .formatted(basedOnIntake == null ? "" : "\"intakeId\":\"" + basedOnIntake + "\",", start,
                        manipulation ? ",{\"exerciseCode\":\"PM-09\"}" : "");
    }
}
