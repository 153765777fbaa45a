package io.backtrack.outcome.profile;

import io.backtrack.scoring.OdiScore;
import io.backtrack.scoring.Score;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The intake values a course's reviews and progress compare against ({@link IntakeBaseline}); ODI null
 * when too few sections were answered.
 */
public record Baseline(UUID intakeId, LocalDate intakeDate, Integer painNrs, BigDecimal odiPercent, Integer odiRawSum,
        Integer odiSectionsAnswered, BigDecimal psfsMean) {

    public boolean hasPain() {
        return painNrs != null;
    }

    public boolean hasOdi() {
        return odiRawSum != null && odiSectionsAnswered != null && odiSectionsAnswered > 0;
    }

    public Score pain() {
        return Score.of(painNrs);
    }

    public Score odi() {
        return new OdiScore(odiRawSum, odiSectionsAnswered).exact();
    }
}
