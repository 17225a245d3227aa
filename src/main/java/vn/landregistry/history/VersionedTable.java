package vn.landregistry.history;

import java.util.Optional;

/**
 * The parts of a versioned, draftable record that differ from table to table, for
 * {@link VersionedRecords}: how a record is read and locked, how a change is checked and written,
 * which columns a draft or a past version puts back, and what a write answers.
 *
 * @param <R> the record as read for a write
 * @param <C> a change of it
 * @param <T> what a write answers
 */
public interface VersionedTable<R extends VersionedTable.Row, C extends VersionedTable.Change, T> {

	/** A record as read for a write: its version and whether the public sees it. */
	interface Row {

		long version();

		boolean published();

	}

	/** A change as the editor sends it: the version it is based on, why, and whether it is a draft. */
	interface Change {

		Long version();

		String reason();

		/** Whether the change is to be kept as a draft (400 when it is to be published too). */
		boolean asDraft();

		Boolean publish();

	}

	/** The table's name, as the history and the drafts know it: zone, plot. */
	String name();

	/** The record, locked until the end of the transaction; a deleted one only when {@code deleted}. */
	Optional<R> lock(long id, boolean deleted);

	/** Checks the change and writes it, based on {@code current}'s version. */
	T apply(long id, R current, C change, Boolean published);

	/** The change that changes nothing but publishing. */
	C publishOnly();

	/** What a change kept as a draft answers, from what its rehearsed write answered. */
	T drafted(long id, T rehearsed);

	/** Checks the record as its pending draft makes it, before the draft is published. */
	void checkDraft(long id);

	/** The columns a pending draft sets, from a row r of the table (name = r.name, ...). */
	String draftColumns();

	/** Whether a deleted record may be restored from its history (and so comes back). */
	boolean restoresDeleted();

	/** The columns a restore puts back, from a row r of the table. */
	String restoredColumns();

	/** Checks the values (the row as the history keeps it) a restore puts back. */
	void checkRestored(long id, R current, String values);

	/** What a publish or restore answers, once written. */
	T saved(long id);

}
