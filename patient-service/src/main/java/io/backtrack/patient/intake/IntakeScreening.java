package io.backtrack.patient.intake;

import io.backtrack.patient.screening.EpisodeStaging;
import io.backtrack.patient.screening.RedFlagScreen;
import io.backtrack.patient.screening.ScreeningRules;
import io.backtrack.patient.screening.StartBackScore;
import io.backtrack.scoring.ConditionGroups;
import io.backtrack.scoring.OdiScore;
import io.backtrack.scoring.PsfsActivity;
import io.backtrack.scoring.PsfsScore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Runs every rule of the intake screen over one set of answers. */
@ApplicationScoped
public class IntakeScreening {

    private final ScreeningRules rules;

    public IntakeScreening(ScreeningRules rules) {
        this.rules = rules;
    }

    public IntakeFindings assess(IntakeRequest request, LocalDate intakeDate, int ageAtIntake) {
        OdiScore odi = OdiScore.of(request.odi());
        return new IntakeFindings(
                EpisodeStaging.stage(request.onsetDate(), intakeDate, rules),
                StartBackScore.score(request.startBack(), rules),
                odi,
                odi.scoredWith(rules.odiMinSections()),
                psfsMean(request.psfs()),
                RedFlagScreen.redFlags(request.redFlagScreen()),
                RedFlagScreen.watchFlags(request.redFlagScreen(), ageAtIntake, request.history().previousEpisodes(), rules),
                ConditionGroups.chronicPainSyndrome(request.conditions()));
    }

    private static BigDecimal psfsMean(List<PsfsActivity> activities) {
        if (activities == null || activities.isEmpty()) {
            return null;
        }
        return PsfsScore.of(activities).mean();
    }
}
