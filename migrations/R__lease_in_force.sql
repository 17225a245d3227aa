-- Repeatable (issue 17): the live definition of "a lease in force on a day". Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- A lease (or the reservation before it) binds its plot from its reservation, else its signing,
-- until the day it ended (that day excluded; open while ended_on is NULL): the term that the
-- exclusion constraint lease_no_overlap (V4) keeps apart, so at most one lease of a plot is in
-- force on a day. Counted as leased (fill rates, tenants) once also signed: lease_in_force(l, d)
-- AND l.signed_on <= d. A plain expression, inlined where it is used.
CREATE OR REPLACE FUNCTION lease_in_force(l lease, p_day date) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(l.reserved_on, l.signed_on) <= p_day AND (l.ended_on IS NULL OR l.ended_on > p_day)
$$;
