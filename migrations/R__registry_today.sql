-- Repeatable (issue 17): the live definition of "today" for SQL and Java alike. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- The province's day, in the time zone the application is configured with (registry.time-zone,
-- which it sets on each of its connections as registry.time_zone; shared/RegistryClock gives Java
-- the same day). Other clients (psql, GDAL, MapServer) get the province's default,
-- Asia/Ho_Chi_Minh. Not the server's current_date.
CREATE OR REPLACE FUNCTION registry_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CAST(now() AT TIME ZONE coalesce(nullif(current_setting('registry.time_zone', true), ''), 'Asia/Ho_Chi_Minh') AS date)
$$;
