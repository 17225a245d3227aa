package vn.landregistry.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.NotFoundException;

/**
 * The recorded history of a zone, plot or clearance phase: every insert, update and (soft or
 * real) delete, oldest first, with who, when, why, the columns that changed and the whole row
 * before and after (geometry as GeoJSON). Written by triggers (change_history), read here only.
 */
@RestController
@Tag(name = "History", description = "Who changed what, when and why")
class HistoryController {

	private static final String HISTORY = """
			SELECT coalesce(json_agg(json_build_object('id', h.id, 'operation', h.operation, 'changedAt', h.changed_at, 'validFrom', h.valid_from,
			         'changedBy', h.changed_by, 'reason', h.reason, 'changed', h.changed,
			         'oldValues', h.old_values, 'newValues', h.new_values) ORDER BY h.id), '[]'::json)::text
			  FROM change_history h WHERE h.table_name = :table AND h.row_id = :id""";

	private final JdbcClient jdbc;

	HistoryController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(path = "/api/zones/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a zone, oldest first")
	String zone(@PathVariable long id) {
		return history("zone", id);
	}

	@GetMapping(path = "/api/plots/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a plot, oldest first")
	String plot(@PathVariable long id) {
		return history("plot", id);
	}

	@GetMapping(path = "/api/clearance/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a clearance phase row (its steps are in /api/clearance/{id})")
	String clearance(@PathVariable long id) {
		return history("clearance_phase", id);
	}

	private String history(String table, long id) {
		String json = this.jdbc.sql(HISTORY).param("table", table).param("id", id).query(String.class).single();
		if ("[]".equals(json)) {
			throw new NotFoundException("no history for " + table.replace('_', ' ') + " " + id);
		}
		return json;
	}

}
