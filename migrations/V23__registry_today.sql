-- One "today" for SQL and Java alike (issue 17): the province's day, in the time zone the
-- application is configured with (registry.time-zone, which it sets on each of its connections as
-- registry.time_zone; shared/RegistryClock gives Java the same day). Other clients (psql, GDAL,
-- MapServer) get the province's default, Asia/Ho_Chi_Minh. Not the server's current_date.
CREATE FUNCTION registry_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CAST(now() AT TIME ZONE coalesce(nullif(current_setting('registry.time_zone', true), ''), 'Asia/Ho_Chi_Minh') AS date)
$$;

-- The day vector tiles describe is that day (it hard-coded the time zone since V10).
CREATE OR REPLACE FUNCTION mvt_day() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT registry_today()
$$;
