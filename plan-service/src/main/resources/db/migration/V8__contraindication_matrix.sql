-- A progressive deficit stays recorded once an intake, a red flag or a session reported it (manipulation
-- for a disc disorder stays contraindicated after the flag is cleared). What this database still holds of
-- the past: the latest intake's deficit, open weakness flags and sessions; a cleared flag left no trace.
ALTER TABLE patient_profile ADD COLUMN progressive_deficit_recorded BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE patient_profile pp SET progressive_deficit_recorded = TRUE
 WHERE pp.motor_deficit
    OR EXISTS (SELECT 1 FROM open_red_flag f WHERE f.patient_id = pp.patient_id AND f.flag = 'PROGRESSIVE_MOTOR_WEAKNESS')
    OR EXISTS (SELECT 1 FROM session s WHERE s.patient_id = pp.patient_id AND s.motor_deficit);

-- The matrix reads "loads flexion" as loaded or end-range flexion, which contraindicates an exercise for
-- osteoporosis; cycling and incline walking put the spine in neither.
UPDATE exercise SET loads_flexion = FALSE WHERE code IN ('AE-02', 'GT-01');
