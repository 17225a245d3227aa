package vn.landregistry.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.NotFoundException;

/** What an import shows the editor: its state and counts, and the staged features as GeoJSON. */
@Component
class ImportReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ImportReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The batch; its counts only once it is checked (while it is read or written, the progress alone). */
	Map<String, Object> batch(long id) {
		Map<String, Object> row = this.jdbc.sql("""
				SELECT b.id, b.target, b.file_name, b.checksum, b.size_bytes, b.format, b.crs, b.crs_origin, b.status,
				       b.progress_done, b.progress_total, b.message, b.fields::text AS fields, b.mapping::text AS mapping,
				       b.options::text AS options, b.summary::text AS summary, b.created_by, b.created_at, b.committed_by,
				       b.committed_at,
				       c.features, c.creates, c.updates, c.with_errors, c.with_warnings,
				       (SELECT coalesce(jsonb_object_agg(rule, times), '{}')::text FROM (
				          SELECT p ->> 'rule' AS rule, count(*) AS times FROM import_feature f, jsonb_array_elements(f.problems) p
				           WHERE f.batch_id = b.id GROUP BY 1) r) AS rules,
				       c.max_shift_m, c.extent
				  FROM import_batch b
				  CROSS JOIN LATERAL (
				    SELECT count(*) AS features, count(*) FILTER (WHERE f.action = 'CREATE') AS creates,
				           count(*) FILTER (WHERE f.action = 'UPDATE') AS updates,
				           count(*) FILTER (WHERE f.problems @> '[{"level": "ERROR"}]') AS with_errors,
				           count(*) FILTER (WHERE f.problems @> '[{"level": "WARNING"}]') AS with_warnings,
				           max(f.shift_m) AS max_shift_m, ST_AsGeoJSON(ST_Extent(f.geom)::geometry, 7) AS extent
				      FROM import_feature f WHERE f.batch_id = b.id) c
				 WHERE b.id = :id AND b.status NOT IN ('READING', 'COMMITTING')
				UNION ALL
				SELECT b.id, b.target, b.file_name, b.checksum, b.size_bytes, b.format, b.crs, b.crs_origin, b.status,
				       b.progress_done, b.progress_total, b.message, b.fields::text, b.mapping::text, b.options::text,
				       b.summary::text, b.created_by, b.created_at, b.committed_by, b.committed_at,
				       NULL, NULL, NULL, NULL, NULL, '{}', NULL, NULL
				  FROM import_batch b WHERE b.id = :id AND b.status IN ('READING', 'COMMITTING')""")
			.param("id", id).query().listOfRows().stream().findFirst()
			.orElseThrow(() -> new NotFoundException("import " + id + " does not exist"));
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("id", row.get("id"));
		batch.put("target", row.get("target"));
		batch.put("status", row.get("status"));
		batch.put("message", row.get("message"));
		batch.put("progress", Map.of("done", row.get("progress_done"), "total",
				row.get("progress_total") == null ? -1 : row.get("progress_total")));
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("name", row.get("file_name"));
		file.put("sha256", row.get("checksum"));
		file.put("bytes", row.get("size_bytes"));
		file.put("format", row.get("format"));
		batch.put("file", file);
		Map<String, Object> crs = new LinkedHashMap<>();
		crs.put("code", row.get("crs"));
		crs.put("origin", row.get("crs_origin"));
		crs.put("title", row.get("crs") == null ? null : ExchangeCrs.presets().stream()
			.filter(c -> c.code().equals(row.get("crs"))).map(ExchangeCrs::title).findFirst().orElse(null));
		batch.put("crs", crs);
		batch.put("fields", JSON.readTree((String) row.get("fields")));
		batch.put("mapping", JSON.readTree((String) row.get("mapping")));
		batch.put("targetFields", ImportTarget.valueOf((String) row.get("target")).fields().stream()
			.map(ImportTarget.Field::name).toList());
		batch.put("options", JSON.readTree((String) row.get("options")));
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("features", row.get("features"));
		counts.put("create", row.get("creates"));
		counts.put("update", row.get("updates"));
		counts.put("withErrors", row.get("with_errors"));
		counts.put("withWarnings", row.get("with_warnings"));
		counts.put("byRule", JSON.readTree((String) row.get("rules")));
		counts.put("maxShiftM", row.get("max_shift_m"));
		batch.put("counts", counts);
		batch.put("extent", row.get("extent") == null ? null : JSON.readTree((String) row.get("extent")));
		batch.put("written", row.get("summary") == null ? null : JSON.readTree((String) row.get("summary")));
		batch.put("createdBy", row.get("created_by"));
		batch.put("createdAt", String.valueOf(row.get("created_at")));
		batch.put("committedBy", row.get("committed_by"));
		batch.put("committedAt", row.get("committed_at") == null ? null : String.valueOf(row.get("committed_at")));
		return batch;
	}

	List<Map<String, Object>> latest() {
		return this.jdbc.sql("""
				SELECT id, target, file_name, status, created_by, created_at::text AS created_at, committed_at::text AS committed_at
				  FROM import_batch ORDER BY id DESC LIMIT 50""").query().listOfRows();
	}

	/** Staged features, problems first when asked, as compact GeoJSON text built by PostgreSQL. */
	String features(long id, boolean onlyProblems, int limit, int offset) {
		return this.jdbc.sql("""
				SELECT '{"type":"FeatureCollection","features":[' || coalesce(string_agg(feature, ',' ORDER BY n), '') || ']}'
				  FROM (SELECT f.n, '{"type":"Feature","id":' || f.n || ',"geometry":'
				               || coalesce(ST_AsGeoJSON(f.geom, 7, 0), 'null') || ',"properties":'
				               || jsonb_build_object('n', f.n, 'code', f.code, 'action', f.action, 'matchId', f.match_id,
				                                     'shiftM', round(f.shift_m::numeric, 3), 'areaHa', round(f.area_ha::numeric, 4),
				                                     'problems', f.problems, 'attributes', f.properties - '@zone_id')::text || '}' AS feature
				          FROM import_feature f
				         WHERE f.batch_id = :id AND (NOT :only OR f.problems <> '[]'::jsonb)
				         ORDER BY f.n LIMIT :limit OFFSET :offset) s""")
			.param("id", id).param("only", onlyProblems).param("limit", limit).param("offset", offset)
			.query(String.class).single();
	}

}
