-- What the public sees, defined once (issue 14): published zones that are not deleted, their
-- published plots that are not deleted, and their clearance phases that are not deleted. Every
-- public read (clearance, statistics, the portal) selects from these views instead of repeating
-- "published AND deleted_at IS NULL"; staff reads that may show drafts use the tables.
--
-- The views are plain (no security barrier, no aggregate), so PostgreSQL inlines them into the
-- query that reads them: a filter or join on id, zone_id or boundary still uses the tables'
-- indexes, and EXISTS on public_zone is a semi-join on its primary key.
--
-- A view keeps the columns its table had when it was created (SELECT * is expanded then): a
-- migration that adds a column to zone, plot or clearance_phase and wants it public recreates the
-- view (CREATE OR REPLACE VIEW may add columns at the end); one that drops or retypes a column
-- drops the view first and creates it again.
CREATE VIEW public_zone AS
  SELECT z.* FROM zone z WHERE z.published AND z.deleted_at IS NULL;

CREATE VIEW public_plot AS
  SELECT p.* FROM plot p
   WHERE p.published AND p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM public_zone z WHERE z.id = p.zone_id);

CREATE VIEW public_clearance_phase AS
  SELECT c.* FROM clearance_phase c
   WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM public_zone z WHERE z.id = c.zone_id);

-- Statistics count the zones the public sees (as since V7), now through the view.
CREATE OR REPLACE FUNCTION zone_occupancy(p_day date)
RETURNS TABLE (zone_id bigint, lease_land_ha numeric, leased_ha numeric, occupancy_rate numeric)
LANGUAGE sql STABLE AS $$
  SELECT z.id, z.lease_land_ha, coalesce(a.leased_ha, 0),
         CASE WHEN z.lease_land_ha > 0 THEN coalesce(a.leased_ha, 0) / z.lease_land_ha END
    FROM public_zone z
    LEFT JOIN zone_leased_area a ON a.zone_id = z.id AND daterange(a.day, a.until) @> p_day
$$;

-- Public answers never name staff accounts. Who made a change, as the public (and, in the
-- history, a local officer) may read it: an account of the authority is the Industrial Zones
-- Authority; a local officer's account is the people's committee it acted for (p_committee: the
-- committee in charge of the record on the day, else the first unit the officer answers for).
-- A name that is not account-shaped (the demo loader, a migration, a database role, the committee
-- a demo event names) is not an account and stays as it is; an account-shaped name that is no
-- (longer an) account is the authority's, so that no user name ever leaves.
CREATE FUNCTION public_author(p_name text, p_committee text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
           WHEN p_name IS NULL OR p_name !~ '^[a-z0-9][a-z0-9._-]{2,63}$' THEN p_name
           WHEN u.role = 'DISTRICT_OFFICER' THEN coalesce(p_committee,
             (SELECT unit_committee(uu.unit_id) FROM app_user_unit uu WHERE uu.user_id = u.id ORDER BY uu.unit_id LIMIT 1),
             'UBND cấp xã')
           ELSE 'Ban Quản lý các KCN'
         END
    FROM (SELECT NULL) one LEFT JOIN app_user u ON u.username = p_name
$$;

-- A reason as the public may read it: an account's name in it (as in "published the draft of
-- editor1") is replaced as public_author replaces it.
CREATE FUNCTION public_reason(p_reason text) RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  account text;
BEGIN
  FOR account IN SELECT u.username FROM app_user u WHERE strpos(p_reason, u.username) > 0 ORDER BY length(u.username) DESC LOOP
    p_reason := regexp_replace(p_reason, '\m' || replace(account, '.', '\.') || '\M', public_author(account, NULL), 'g');
  END LOOP;
  RETURN p_reason;
END $$;
