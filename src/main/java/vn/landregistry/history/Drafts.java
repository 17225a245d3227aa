package vn.landregistry.history;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.Fields;
import vn.landregistry.shared.UnprocessableException;

/**
 * Draft revisions of published zones and plots (table draft_revision, one per record): a change
 * kept aside while the record stays as published. A draft is checked by rehearsing the real write
 * (the same checks and database rules as a direct edit) and undoing it; what the write changed is
 * kept as the draft, with the version of the record it was based on. Call inside a transaction.
 */
@Component
public class Drafts {

	private static final Set<String> TABLES = Set.of("zone", "plot");

	private final JdbcClient jdbc;

	Drafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A pending draft: the version of the record it was made from, who saved it, when and why. */
	public record Draft(long baseVersion, String author, String reason, OffsetDateTime savedAt) {
	}

	/**
	 * SQL of a json_build_object entry saying whether the record (table alias {@code alias}) has a
	 * pending draft.
	 */
	public static String pendingProperty(String table, String alias) {
		return ", 'pendingDraft', EXISTS (SELECT 1 FROM draft_revision dr WHERE dr.table_name = '" + table(table)
				+ "' AND dr.row_id = " + alias + ".id)";
	}

	/**
	 * SQL of the json_build_object entries describing the draft {@code dr} of the record {@code alias}:
	 * who saved it, when, why, what it changes, and whether the record moved on since.
	 */
	public static String draftProperties(String alias) {
		return """
				, 'pendingDraft', true,
				  'draft', json_build_object('author', dr.author, 'savedAt', dr.saved_at, 'reason', dr.reason,
				    'baseVersion', dr.base_version, 'stale', dr.base_version <> %s.version,
				    'changed', (SELECT json_agg(k ORDER BY k) FROM jsonb_object_keys(dr.change) k))""".formatted(alias);
	}

	/** The whole row as JSON (the form the history and the drafts keep it in). */
	public String row(String table, long id) {
		return this.jdbc.sql("SELECT to_jsonb(t)::text FROM " + table(table) + " t WHERE t.id = :id").param("id", id)
			.query(String.class).single();
	}

	/**
	 * Runs {@code write} and undoes it, returning its result: every check of the write runs, the
	 * database's rules included, and nothing is kept (its history row neither).
	 */
	public <T> T rehearse(Supplier<T> write) {
		this.jdbc.sql("SAVEPOINT draft_rehearsal").update();
		try {
			return write.get();
		}
		finally {
			this.jdbc.sql("ROLLBACK TO SAVEPOINT draft_rehearsal").update();
			this.jdbc.sql("RELEASE SAVEPOINT draft_rehearsal").update();
		}
	}

	/**
	 * Keeps what changed from {@code before} to {@code after} (rows as {@link #row} gives them) as
	 * the pending draft of the record, in place of any earlier one; 422 when nothing changed.
	 */
	public void save(String table, long id, String before, String after, long baseVersion, String reason) {
		String change = this.jdbc.sql("SELECT row_changes(CAST(:before AS jsonb), CAST(:after AS jsonb))::text")
			.param("before", before).param("after", after).query(String.class).single();
		if ("{}".equals(change)) {
			throw new UnprocessableException("draft_changes_nothing",
					"the draft changes nothing in " + table + " " + id + ": it was not saved");
		}
		this.jdbc.sql("""
				INSERT INTO draft_revision (table_name, row_id, change, base_version, author, reason)
				VALUES (:table, :id, CAST(:change AS jsonb), :base, :author, :reason)
				ON CONFLICT (table_name, row_id) DO UPDATE
				   SET change = EXCLUDED.change, base_version = EXCLUDED.base_version, author = EXCLUDED.author,
				       reason = EXCLUDED.reason, saved_at = EXCLUDED.saved_at""")
			.param("table", table(table)).param("id", id).param("change", change).param("base", baseVersion)
			.param("author", Changes.user()).param("reason", Fields.blankToNull(reason)).update();
	}

	/** The pending draft of a record, locked until the end of the transaction. */
	public Optional<Draft> find(String table, long id) {
		return this.jdbc.sql("""
				SELECT base_version, author, reason, saved_at FROM draft_revision
				 WHERE table_name = :table AND row_id = :id FOR UPDATE""")
			.param("table", table(table)).param("id", id)
			.query((rs, row) -> new Draft(rs.getLong("base_version"), rs.getString("author"), rs.getString("reason"),
					rs.getObject("saved_at", OffsetDateTime.class)))
			.optional();
	}

	/** Drops the pending draft of a record; false when it had none. */
	public boolean discard(String table, long id) {
		return this.jdbc.sql("DELETE FROM draft_revision WHERE table_name = :table AND row_id = :id")
			.param("table", table(table)).param("id", id).update() > 0;
	}

	/** Whether the draft's columns include {@code column}. */
	public boolean changes(String table, long id, String column) {
		return this.jdbc.sql("SELECT jsonb_exists(change, :column) FROM draft_revision WHERE table_name = :table AND row_id = :id")
			.param("column", column).param("table", table(table)).param("id", id).query(Boolean.class).optional()
			.orElse(false);
	}

	/** 409: the record changed after the draft was made from it; the draft is kept. */
	public ConflictException stale(String what, Draft draft, long currentVersion) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("currentVersion", currentVersion);
		details.put("draftBaseVersion", draft.baseVersion());
		return new ConflictException("stale_draft", what + " changed after the draft was saved: the draft of "
				+ draft.author() + " was made from version " + draft.baseVersion() + ", it is now at version "
				+ currentVersion + ". The draft is kept: check it against the current version and save it again.",
				details);
	}

	private static String table(String table) {
		if (!TABLES.contains(table)) {
			throw new IllegalArgumentException("no drafts for table " + table);
		}
		return table;
	}

}
