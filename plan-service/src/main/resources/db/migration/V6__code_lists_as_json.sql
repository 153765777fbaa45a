-- Code lists are stored as JSON arrays in every service (IcdCodesColumn); they were comma-separated here.
CREATE FUNCTION pg_temp.codes_json(codes TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
    SELECT COALESCE((SELECT json_agg(trim(code))::text FROM unnest(string_to_array(codes, ',')) AS code
                      WHERE trim(code) <> ''), '[]')
$$;

UPDATE patient_profile SET conditions = pg_temp.codes_json(conditions);
UPDATE exercise SET contraindicated_for = pg_temp.codes_json(contraindicated_for),
                    cautioned_for = pg_temp.codes_json(cautioned_for);
