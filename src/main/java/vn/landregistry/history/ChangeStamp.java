package vn.landregistry.history;

import java.time.LocalDate;
import java.util.List;

/**
 * What a cache of public data depends on, as one snapshot of the database sees it: the last change
 * recorded (change_history), the administrative units, the day its content describes (null when
 * it does not depend on the day), which of the awaited history rows have appeared, and the
 * snapshot's transaction horizon (xmin, xmax).
 */
record ChangeStamp(long lastId, String units, LocalDate day, List<Long> appeared, long xmin, long xmax) {

	/** The stamp's query, {@code day} being the SQL of the day (a date), e.g. {@code mvt_day()}. */
	static String sql(String day) {
		return """
				SELECT (SELECT coalesce(max(id), 0) FROM change_history) AS last_id,
				       (SELECT count(*) || '/' || coalesce(CAST(max(updated_at) AS text), '') FROM admin_unit) AS units,
				       CAST(%s AS date) AS day,
				       ARRAY(SELECT id FROM change_history WHERE id = ANY (CAST(:awaited AS bigint[])) ORDER BY id) AS appeared,
				       CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) AS xmin,
				       CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint) AS xmax"""
			.formatted(day == null ? "NULL" : day);
	}

}
