package vn.landregistry.history;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.UnprocessableException;

import static vn.landregistry.shared.Fields.required;

/**
 * One workflow for records that carry a version and may have a draft (zones, plots): every write
 * is attributed for the history and based on the version the editor read (else 409 stale_version);
 * a published record's change may be kept as a draft, published later as one change; a past
 * version may be put back. The table-specific parts come from a {@link VersionedTable}. Call
 * inside a transaction.
 */
@Component
public class VersionedRecords {

	private final JdbcClient jdbc;

	private final Changes changes;

	private final Drafts drafts;

	VersionedRecords(JdbcClient jdbc, Changes changes, Drafts drafts) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.drafts = drafts;
	}

	/** The live record, locked, if {@code version} is its version: else 404, 400 (no version) or 409. */
	public <R extends VersionedTable.Row> R current(VersionedTable<R, ?, ?> table, long id, Long version) {
		return based(table, table.lock(id, false), id, version);
	}

	/**
	 * Changes a record. A published record's change may be kept as a draft instead, after the same
	 * checks; a published record is never unpublished by a change (422).
	 */
	public <R extends VersionedTable.Row, C extends VersionedTable.Change, T> T update(VersionedTable<R, C, T> table,
			long id, C change) {
		boolean asDraft = change.asDraft();
		this.changes.attribute(change.reason());
		R current = current(table, id, change.version());
		if (current.published() && asDraft) {
			return saveDraft(table, id, current, change);
		}
		if (current.published() && Boolean.FALSE.equals(change.publish())) {
			String name = table.name();
			throw new UnprocessableException("published_stays_published", name + " " + id + " is published: a change "
					+ "with publish=false does not hide it. Save the change as a draft (\"draft\": true; the public keeps "
					+ "seeing the published " + name + " until the draft is published), or delete the " + name + ".");
		}
		return table.apply(id, current, change, change.publish());
	}

	/**
	 * Publishes a record: its pending draft, if any, is applied as one change, attributed to the
	 * publisher with the draft's reason, after the checks of a direct change; a draft made from an
	 * older version is refused (409) and kept.
	 */
	public <R extends VersionedTable.Row, C extends VersionedTable.Change, T> T publish(VersionedTable<R, C, T> table,
			long id, Long version, String reason) {
		R current = current(table, id, version);
		String name = table.name();
		Optional<Drafts.Draft> draft = this.drafts.find(name, id);
		this.changes.attribute(draft.map(Drafts.Draft::reason).orElse(reason != null ? reason
				: draft.map(d -> "published the draft of " + d.author()).orElse("published")));
		if (draft.isEmpty()) {
			return table.apply(id, current, table.publishOnly(), true);
		}
		if (draft.get().baseVersion() != current.version()) {
			throw this.drafts.stale(name + " " + id, draft.get(), current.version());
		}
		table.checkDraft(id);
		write("UPDATE " + name + " x SET " + table.draftColumns() + ", published = true, version = x.version + 1 FROM "
				+ name + "_with_draft(:id) r WHERE x.id = :id AND x.version = :version", id, current.version(), null);
		this.drafts.discard(name, id);
		return table.saved(id);
	}

	/** Drops the pending draft of a record; 404 when there is none. */
	public void discardDraft(VersionedTable<?, ?, ?> table, long id) {
		if (this.jdbc.sql("SELECT count(*) FROM " + table.name() + " WHERE id = :id AND deleted_at IS NULL")
			.param("id", id).query(Long.class).single() == 0) {
			throw notFound(table, id);
		}
		if (!this.drafts.discard(table.name(), id)) {
			throw new NotFoundException(table.name() + " " + id + " has no pending draft");
		}
	}

	/** Deletes a record softly, after {@code check} of it. */
	public <R extends VersionedTable.Row> void delete(VersionedTable<R, ?, ?> table, long id, Long version,
			String reason, Consumer<R> check) {
		this.changes.attribute(required("reason", reason));
		R current = current(table, id, version);
		check.accept(current);
		this.jdbc.sql("UPDATE " + table.name() + " SET deleted_at = now(), version = version + 1"
				+ " WHERE id = :id AND version = :version")
			.param("id", id).param("version", current.version()).update();
	}

	/** Puts back the values a record had after one change of its history, as a new change. */
	public <R extends VersionedTable.Row, T> T restore(VersionedTable<R, ?, T> table, long id, long changeId,
			Long version, String reason) {
		this.changes.attribute(required("reason", reason) + " (restored from change " + changeId + ")");
		R current = based(table, table.lock(id, table.restoresDeleted()), id, version);
		String name = table.name();
		String values = this.jdbc.sql("""
				SELECT new_values::text FROM change_history
				 WHERE id = :change AND table_name = :table AND row_id = :id AND new_values IS NOT NULL""")
			.param("change", changeId).param("table", name).param("id", id).query(String.class).optional()
			.orElseThrow(() -> new InvalidParameterException("changeId", String.valueOf(changeId),
					"change " + changeId + " is not in the history of " + name + " " + id));
		table.checkRestored(id, current, values);
		write("UPDATE " + name + " x SET " + table.restoredColumns() + ", version = x.version + 1"
				+ " FROM jsonb_populate_record(NULL::" + name + ", history_row(CAST(:values AS jsonb))) r"
				+ " WHERE x.id = :id AND x.version = :version", id, current.version(), values);
		return table.saved(id);
	}

	/** 409: the record is no longer at the version the editor read; nothing was saved. */
	public ConflictException stale(VersionedTable<?, ?, ?> table, long id, long version) {
		long now = this.jdbc.sql("SELECT version FROM " + table.name() + " WHERE id = :id").param("id", id)
			.query(Long.class).optional().orElseThrow(() -> notFound(table, id));
		return stale(table, id, version, now);
	}

	private <R extends VersionedTable.Row, C extends VersionedTable.Change, T> T saveDraft(
			VersionedTable<R, C, T> table, long id, R current, C change) {
		String before = this.drafts.row(table.name(), id);
		Rehearsal<T> rehearsal = this.drafts.rehearse(
				() -> new Rehearsal<>(table.apply(id, current, change, null), this.drafts.row(table.name(), id)));
		this.drafts.save(table.name(), id, before, rehearsal.after(), current.version(), change.reason());
		return table.drafted(id, rehearsal.answer());
	}

	private record Rehearsal<T>(T answer, String after) {
	}

	private <R extends VersionedTable.Row> R based(VersionedTable<R, ?, ?> table, Optional<R> found, long id,
			Long version) {
		R current = found.orElseThrow(() -> notFound(table, id));
		if (version == null) {
			throw new InvalidParameterException("version", null, "version is required: the version of " + table.name()
					+ " " + id + " you read, as \"version\" or an If-Match header");
		}
		if (version != current.version()) {
			throw stale(table, id, version, current.version());
		}
		return current;
	}

	private static ConflictException stale(VersionedTable<?, ?, ?> table, long id, long sent, long now) {
		return new ConflictException("stale_version", table.name() + " " + id + " was changed by someone else: you sent "
				+ "version " + sent + ", it is now at version " + now + ". Reload it; nothing was saved.",
				Map.of("currentVersion", now));
	}

	private void write(String sql, long id, long version, String values) {
		try {
			var statement = this.jdbc.sql(sql).param("id", id).param("version", version);
			(values == null ? statement : statement.param("values", values)).update();
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	private static NotFoundException notFound(VersionedTable<?, ?, ?> table, long id) {
		return new NotFoundException("no " + table.name() + " with id " + id);
	}

}
