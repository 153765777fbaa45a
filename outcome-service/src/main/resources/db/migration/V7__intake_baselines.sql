-- Every intake's baseline, not only the latest: a review compares against the intake its plan course
-- started from, so a re-assessment intake during the course is never read as the baseline.
CREATE TABLE intake_baseline (
    intake_id     UUID PRIMARY KEY,
    patient_id    UUID        NOT NULL,
    intake_date   DATE        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    pain_nrs      INTEGER,
    odi_percent   NUMERIC,
    odi_raw_sum   INTEGER,
    odi_sections  INTEGER,
    psfs_mean     NUMERIC
);
CREATE INDEX intake_baseline_patient_idx ON intake_baseline (patient_id, intake_date);

-- Before this version only the latest intake was kept; it is the best baseline there is for them.
-- patient_profile's baseline columns are no longer written; a later version drops them.
INSERT INTO intake_baseline (intake_id, patient_id, intake_date, completed_at, pain_nrs, odi_percent, odi_raw_sum,
                             odi_sections, psfs_mean)
SELECT intake_id, patient_id, intake_date, updated_at, baseline_pain_nrs, baseline_odi_percent, baseline_odi_raw_sum,
       baseline_odi_sections, baseline_psfs_mean
  FROM patient_profile
 WHERE intake_id IS NOT NULL AND intake_date IS NOT NULL;
