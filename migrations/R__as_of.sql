-- Repeatable (issue 17): the live definition of the records as they were at an instant (history replay). Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- The rows of a table as they were at an instant, replayed from the history: the values after the
-- latest change holding by then (valid_from); rows deleted (for real) by then are absent.
CREATE OR REPLACE FUNCTION history_as_of(p_table text, p_at timestamptz)
RETURNS TABLE (row_id bigint, row_values jsonb) LANGUAGE sql STABLE AS $$
  SELECT h.row_id, h.new_values
    FROM (SELECT DISTINCT ON (c.row_id) c.row_id, c.operation, c.new_values
            FROM change_history c
           WHERE c.table_name = p_table AND c.valid_from <= p_at
           ORDER BY c.row_id, c.valid_from DESC, c.id DESC) h
   WHERE h.operation <> 'DELETE'
$$;

-- The geometry of a replayed row, back from its GeoJSON (9 decimals, well under a millimetre) as
-- EWKT for the row's input.
CREATE OR REPLACE FUNCTION history_row(p_values jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT p_values || jsonb_build_object('boundary',
           ST_AsEWKT(ST_SetSRID(ST_GeomFromGeoJSON(nullif(p_values -> 'boundary', 'null'::jsonb)), 4326)))
$$;

-- Zones and plots at an instant. Each history row becomes a record once: "(jsonb_populate_record(...)).*"
-- in a select list would run the function once per column and parse every boundary a dozen times.
CREATE OR REPLACE FUNCTION zone_as_of(p_at timestamptz) RETURNS SETOF zone LANGUAGE sql STABLE AS $$
  SELECT r.* FROM history_as_of('zone', p_at) h
   CROSS JOIN LATERAL jsonb_populate_record(NULL::zone, history_row(h.row_values)) r
$$;

CREATE OR REPLACE FUNCTION plot_as_of(p_at timestamptz) RETURNS SETOF plot LANGUAGE sql STABLE AS $$
  SELECT r.* FROM history_as_of('plot', p_at) h
   CROSS JOIN LATERAL jsonb_populate_record(NULL::plot, history_row(h.row_values)) r
$$;

-- What the public sees of an instant: the records published and not deleted then, as the views
-- public_zone and public_plot (V17) give them now; a plot's zone is one the public sees now.
CREATE OR REPLACE FUNCTION public_zone_as_of(p_at timestamptz) RETURNS SETOF zone LANGUAGE sql STABLE AS $$
  SELECT z.* FROM zone_as_of(p_at) z WHERE z.published AND z.deleted_at IS NULL
$$;

CREATE OR REPLACE FUNCTION public_plot_as_of(p_at timestamptz) RETURNS SETOF plot LANGUAGE sql STABLE AS $$
  SELECT p.* FROM plot_as_of(p_at) p
   WHERE p.published AND p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM public_zone z WHERE z.id = p.zone_id)
$$;
