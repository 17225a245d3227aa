-- Repeatable (issue 17): the live definition of a plot's status on a day. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- The status of a plot on a day, from its clearance date and the lease in force then
-- (lease_in_force): reserved, leased once signed, in operation once operating; without one,
-- available, clean once cleared.
CREATE OR REPLACE FUNCTION plot_status(p_plot_id bigint, p_cleared_on date, p_day date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT CASE WHEN l.signed_on <= p_day AND l.operating_from <= p_day THEN 'IN_OPERATION'
                 WHEN l.signed_on <= p_day THEN 'LEASED'
                 ELSE 'RESERVED' END
       FROM lease l
      WHERE l.plot_id = p_plot_id AND lease_in_force(l, p_day)
      LIMIT 1),
    CASE WHEN p_cleared_on <= p_day THEN 'AVAILABLE_CLEAN' ELSE 'AVAILABLE_NOT_CLEARED' END)
$$;

-- The same status from the plot's own columns (kept by refresh_plot_commitment): the latest lease
-- holds the day when it started by then and has not ended; if it started by then and ended, no
-- lease holds the day. Inlined by the planner (a plain expression): no call per row.
CREATE OR REPLACE FUNCTION plot_status_by_last_lease(p_plot_id bigint, p_cleared_on date, p_last_lease_from date,
    p_last_lease_signed_on date, p_last_lease_operating_from date, p_committed_until date, p_day date)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_last_lease_from IS NULL OR (p_last_lease_from <= p_day AND p_committed_until <= p_day) THEN
      CASE WHEN p_cleared_on <= p_day THEN 'AVAILABLE_CLEAN' ELSE 'AVAILABLE_NOT_CLEARED' END
    WHEN p_last_lease_from <= p_day THEN
      CASE WHEN p_last_lease_signed_on <= p_day AND p_last_lease_operating_from <= p_day THEN 'IN_OPERATION'
           WHEN p_last_lease_signed_on <= p_day THEN 'LEASED'
           ELSE 'RESERVED' END
    ELSE plot_status(p_plot_id, p_cleared_on, p_day)  -- before the latest lease: the earlier ones decide
  END
$$;

-- A plot's commitment, kept by the lease triggers: the last day any lease binds it
-- (committed_until: 'infinity' while open-ended, NULL when never let) and its latest lease's dates.
CREATE OR REPLACE FUNCTION refresh_plot_commitment(p_plot_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE plot p
     SET committed_until = c.until, last_lease_from = c.lease_from, last_lease_signed_on = c.signed_on,
         last_lease_operating_from = c.operating_from
    FROM (SELECT q.id, (SELECT max(coalesce(l.ended_on, 'infinity'::date)) FROM lease l WHERE l.plot_id = q.id) AS until,
                 last.lease_from, last.signed_on, last.operating_from
            FROM plot q
            LEFT JOIN LATERAL (SELECT coalesce(l.reserved_on, l.signed_on) AS lease_from, l.signed_on, l.operating_from
                                 FROM lease l WHERE l.plot_id = q.id
                                ORDER BY coalesce(l.reserved_on, l.signed_on) DESC LIMIT 1) last ON true
           WHERE q.id = ANY (p_plot_ids)) c
   WHERE p.id = c.id
     AND (p.committed_until, p.last_lease_from, p.last_lease_signed_on, p.last_lease_operating_from)
         IS DISTINCT FROM (c.until, c.lease_from, c.signed_on, c.operating_from);
$$;
