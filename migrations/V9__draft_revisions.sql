-- Draft revisions of published zones and plots. A change to a published record can be saved as a
-- draft: the record itself (what the public, investors, the statistics and /ogc read) stays as
-- published until the draft is published. One pending draft per record; a newer save replaces it.
-- The draft holds the columns it changes, with their new values, as a row of the table would be
-- written to the history (boundary as GeoJSON); base_version is the version of the record it
-- was made from, so that publishing refuses a draft the record has moved on from.
CREATE TABLE draft_revision (
  table_name   text NOT NULL CHECK (table_name IN ('zone', 'plot')),
  row_id       bigint NOT NULL,
  change       jsonb NOT NULL CHECK (jsonb_typeof(change) = 'object' AND change <> '{}'::jsonb),
  base_version bigint NOT NULL,
  author       text NOT NULL,
  reason       text,
  saved_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (table_name, row_id)
);

-- What changed between two rows of a table (as to_jsonb gives them): the columns whose value
-- differs, with the value after; the version and the timestamps are not changes.
CREATE FUNCTION row_changes(p_before jsonb, p_after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, p_after -> k), '{}'::jsonb)
    FROM jsonb_object_keys(p_after) k
   WHERE k NOT IN ('id', 'version', 'created_at', 'updated_at') AND (p_before -> k) IS DISTINCT FROM (p_after -> k)
$$;

-- A draft's columns ready for jsonb_populate_record: its boundary back from GeoJSON, when it has one.
CREATE FUNCTION draft_columns(p_change jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_change ? 'boundary'
           THEN p_change || jsonb_build_object('boundary',
                  ST_AsEWKT(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(p_change -> 'boundary'), 4326))))
           ELSE p_change END
$$;

-- A zone or plot as its pending draft would make it (no row when it has none): the record's own
-- values, overlaid with the draft's.
CREATE FUNCTION zone_with_draft(p_id bigint) RETURNS SETOF zone LANGUAGE sql STABLE AS $$
  SELECT (jsonb_populate_record(z, draft_columns(d.change))).*
    FROM zone z JOIN draft_revision d ON d.table_name = 'zone' AND d.row_id = z.id
   WHERE z.id = p_id
$$;

CREATE FUNCTION plot_with_draft(p_id bigint) RETURNS SETOF plot LANGUAGE sql STABLE AS $$
  SELECT (jsonb_populate_record(p, draft_columns(d.change))).*
    FROM plot p JOIN draft_revision d ON d.table_name = 'plot' AND d.row_id = p.id
   WHERE p.id = p_id
$$;

-- A record deleted (softly or for real) takes its pending draft with it.
CREATE FUNCTION drop_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM draft_revision WHERE table_name = TG_TABLE_NAME AND row_id = OLD.id;
  RETURN NULL;
END $$;

CREATE TRIGGER zone_draft_deleted AFTER DELETE ON zone FOR EACH ROW EXECUTE FUNCTION drop_draft();
CREATE TRIGGER zone_draft_soft_deleted AFTER UPDATE OF deleted_at ON zone FOR EACH ROW
  WHEN (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL) EXECUTE FUNCTION drop_draft();
CREATE TRIGGER plot_draft_deleted AFTER DELETE ON plot FOR EACH ROW EXECUTE FUNCTION drop_draft();
CREATE TRIGGER plot_draft_soft_deleted AFTER UPDATE OF deleted_at ON plot FOR EACH ROW
  WHEN (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL) EXECUTE FUNCTION drop_draft();
