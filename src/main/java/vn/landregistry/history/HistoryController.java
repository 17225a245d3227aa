package vn.landregistry.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.security.CurrentUser;
import vn.landregistry.security.RegistryUser;
import vn.landregistry.shared.NotFoundException;

/**
 * The recorded history of a zone, plot or clearance phase: every insert, update and (soft or
 * real) delete, oldest first, with who, when, why, the columns that changed and the whole row
 * before and after (geometry as GeoJSON). Written by triggers (change_history), read here only.
 * The authority reads it whole; a local officer reads it without the authority's internal
 * columns ({@link #INTERNAL}, and changes of nothing else) and without user names: who changed
 * it is the authority or a committee, as the public reads authors (SQL public_author, V17).
 */
@RestController
@Tag(name = "History", description = "Who changed what, when and why")
class HistoryController {

	/** Columns for the authority only (V8: zone.internal_note "never on a public endpoint"). */
	static final String INTERNAL = "{internal_note}";

	private static final String FULL = """
			json_build_object('id', h.id, 'operation', h.operation, 'changedAt', h.changed_at, 'validFrom', h.valid_from,
			  'changedBy', h.changed_by, 'reason', h.reason, 'changed', h.changed,
			  'oldValues', h.old_values, 'newValues', h.new_values)""";

	private static final String WITHOUT_INTERNAL = """
			json_build_object('id', h.id, 'operation', h.operation, 'changedAt', h.changed_at, 'validFrom', h.valid_from,
			  'changedBy', public_author(h.changed_by, NULL), 'reason', public_reason(h.reason),
			  'changed', array(SELECT c FROM unnest(h.changed) c WHERE c <> ALL (CAST(:internal AS text[]))),
			  'oldValues', h.old_values - CAST(:internal AS text[]), 'newValues', h.new_values - CAST(:internal AS text[]))""";

	private final JdbcClient jdbc;

	private final CurrentUser user;

	HistoryController(JdbcClient jdbc, CurrentUser user) {
		this.jdbc = jdbc;
		this.user = user;
	}

	@GetMapping(path = "/api/zones/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a zone, oldest first (a local officer's without internal columns or user names)")
	String zone(@PathVariable long id) {
		return history("zone", id);
	}

	@GetMapping(path = "/api/plots/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a plot, oldest first (a local officer's without internal columns or user names)")
	String plot(@PathVariable long id) {
		return history("plot", id);
	}

	@GetMapping(path = "/api/clearance/{id}/history", produces = "application/json")
	@Operation(summary = "Every recorded change of a clearance phase row (its steps are in /api/clearance/{id})")
	String clearance(@PathVariable long id) {
		return history("clearance_phase", id);
	}

	private String history(String table, long id) {
		boolean authority = this.user.get().map(RegistryUser::isAuthority).orElse(false);
		String sql = "SELECT coalesce(json_agg(" + (authority ? FULL : WITHOUT_INTERNAL) + " ORDER BY h.id), '[]'::json)::text"
				+ " FROM change_history h WHERE h.table_name = :table AND h.row_id = :id"
				// a change of internal columns only is no change to those who do not see them
				+ (authority ? "" : " AND NOT (h.operation = 'UPDATE' AND h.changed <@ CAST(:internal AS text[]))");
		String json = this.jdbc.sql(sql).param("table", table).param("id", id).param("internal", INTERNAL)
			.query(String.class).single();
		if ("[]".equals(json)) {
			throw new NotFoundException("no history for " + table.replace('_', ' ') + " " + id);
		}
		return json;
	}

}
