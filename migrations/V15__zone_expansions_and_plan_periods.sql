-- An expansion area (phần diện tích mở rộng) kept as a zone of its own names the zone it extends,
-- so that counting zones counts the two once. A zone established or expanded under an earlier
-- plan says in which years, so that it is not counted toward the changes a later plan targets
-- (the CCN established or expanded in 2016–2020 are not new or expanded zones of 2021–2030).
ALTER TABLE zone
  ADD COLUMN parent_id bigint REFERENCES zone (id),
  ADD COLUMN plan_period int4range,  -- years in which it was established or expanded as plan_status says
  ADD CONSTRAINT zone_parent_is_expansion CHECK (parent_id IS NULL OR (plan_status = 'EXPANDED' AND parent_id <> id)),
  ADD CONSTRAINT zone_plan_period_bounded CHECK (plan_period IS NULL
                                                 OR (NOT lower_inf(plan_period) AND NOT upper_inf(plan_period)));
CREATE INDEX zone_parent_idx ON zone (parent_id);
