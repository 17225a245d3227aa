-- A past state of zones and plots, as before, but each history row is turned into a record once:
-- "(jsonb_populate_record(...)).*" in a select list runs the function once per column, and so
-- parsed every replayed boundary a dozen times (GET /api/plots?asOf took a second for 344 plots).
CREATE OR REPLACE FUNCTION zone_as_of(p_at timestamptz) RETURNS SETOF zone LANGUAGE sql STABLE AS $$
  SELECT r.* FROM history_as_of('zone', p_at) h
   CROSS JOIN LATERAL jsonb_populate_record(NULL::zone, history_row(h.row_values)) r
$$;

CREATE OR REPLACE FUNCTION plot_as_of(p_at timestamptz) RETURNS SETOF plot LANGUAGE sql STABLE AS $$
  SELECT r.* FROM history_as_of('plot', p_at) h
   CROSS JOIN LATERAL jsonb_populate_record(NULL::plot, history_row(h.row_values)) r
$$;
