package vn.landregistry.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.history.Changes;
import vn.landregistry.history.Drafts;
import vn.landregistry.history.VersionedRecords;
import vn.landregistry.history.VersionedTable;
import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.GeometryChecks;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.UnprocessableException;

import static vn.landregistry.shared.Fields.blankToNull;

/**
 * Changes to existing plots from the map: attributes and shape, drafts of published plots and
 * publishing, soft deletion, split along a line and merge of touching plots. Each write is based
 * on the version read (else 409), is attributed for the history, and keeps the rules of the
 * database (inside the zone, no overlap).
 * A plot with a lease in force or to come is not deleted, split or merged: end the lease first.
 */
@Service
class PlotEdits {

	private final JdbcClient jdbc;

	private final GeometryChecks geometry;

	private final Changes changes;

	private final Drafts drafts;

	private final VersionedRecords records;

	private final Table table = new Table();

	PlotEdits(JdbcClient jdbc, GeometryChecks geometry, Changes changes, Drafts drafts, VersionedRecords records) {
		this.jdbc = jdbc;
		this.drafts = drafts;
		this.records = records;
		this.geometry = geometry;
		this.changes = changes;
	}

	/**
	 * Changes a plot; returns true when the change was kept as the plot's draft. A published plot's
	 * change may be kept as a draft ({@code draft}), after the same checks; a published plot is
	 * never unpublished by a change (422).
	 */
	@Transactional
	boolean update(long id, PlotChange change) {
		return this.records.update(this.table, id, change);
	}

	/**
	 * Publishes a plot: its pending draft, if any, is applied as one change, attributed to the
	 * publisher with the draft's reason, under the rules of a direct change (the database checks
	 * the shape again); a draft made from an older version is refused (409) and kept.
	 */
	@Transactional
	void publish(long id, Long version, String reason) {
		this.records.publish(this.table, id, version, reason);
	}

	/** Drops the pending draft of a plot; 404 when there is none. */
	@Transactional
	void discardDraft(long id) {
		this.records.discardDraft(this.table, id);
	}

	/** The shape of the plot as its pending draft makes it is checked again when the draft reshapes it. */
	private void checkDraft(long id) {
		if (this.drafts.changes("plot", id, "boundary")) {
			this.geometry.requireValidPolygon("geometry", this.jdbc.sql("SELECT ST_AsGeoJSON(boundary) FROM plot_with_draft(:id)")
				.param("id", id).query(String.class).single());
		}
	}

	/** Returns false: the change was written, not kept as a draft. */
	private boolean apply(long id, Current current, PlotChange change, Boolean published) {
		String geoJson = change.geoJson();
		if (geoJson != null) {
			this.geometry.requireValidPolygon("geometry", geoJson);
		}
		try {
			this.jdbc.sql("""
					UPDATE plot SET code = coalesce(:code, code), land_use = coalesce(:landUse, land_use),
					       cleared_on = coalesce(:clearedOn, cleared_on), note = coalesce(:note, note),
					       boundary = coalesce(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)), boundary),
					       published = coalesce(:published, published), version = version + 1
					 WHERE id = :id AND version = :version""")
				.param("code", blankToNull(change.code())).param("landUse", change.landUse() == null ? null : change.landUse().name())
				.param("clearedOn", change.clearedOn()).param("note", blankToNull(change.note())).param("geometry", geoJson)
				.param("published", published).param("id", id).param("version", current.version()).update();
			return false;
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	@Transactional
	void delete(long id, Long version, String reason) {
		this.records.delete(this.table, id, version, reason, this::requireNoLease);
	}

	/**
	 * Puts back the plot as it was after one change of its history, as a new change; a deleted
	 * plot comes back too. The rules of the database (inside the zone, no overlap) still apply.
	 */
	@Transactional
	void restore(long id, long changeId, Long version, String reason) {
		this.records.restore(this.table, id, changeId, version, reason);
	}

	/** Returns the ids of the new plots, in the order of the parts from west to east. */
	@Transactional
	List<Long> split(long id, PlotSplit split) {
		this.changes.attribute(split.reason() == null ? "split" : split.reason());
		Current current = current(id, split.version());
		requireNoLease(current);
		String line = split.line() == null || split.line().isNull() ? null : split.line().toString();
		if (line == null) {
			throw new InvalidParameterException("line", null, "line is required: a GeoJSON LineString across the plot");
		}
		List<String> parts = this.jdbc.sql("""
				SELECT ST_AsGeoJSON(d.geom, 9) FROM plot p,
				       ST_Dump(ST_CollectionExtract(ST_Split(ST_Force2D(p.boundary),
				               ST_SetSRID(ST_GeomFromGeoJSON(CAST(:line AS text)), 4326)), 3)) d
				 WHERE p.id = :id ORDER BY ST_X(ST_Centroid(d.geom)), ST_Y(ST_Centroid(d.geom))""")
			.param("line", line).param("id", id).query(String.class).list();
		if (parts.size() < 2) {
			throw new UnprocessableException("split_line_crosses", "the line does not cut the plot in two or more parts: "
					+ "draw it across the plot, from outside to outside");
		}
		List<String> codes = split.codes() != null && split.codes().size() == parts.size() ? split.codes()
				: suffixed(current.code(), parts.size());
		this.jdbc.sql("UPDATE plot SET deleted_at = now(), version = version + 1 WHERE id = :id").param("id", id).update();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			ids.add(insertLike(current, codes.get(i), parts.get(i)));
		}
		return ids;
	}

	@Transactional
	long merge(PlotMerge merge) {
		this.changes.attribute(merge.reason() == null ? "merged" : merge.reason());
		if (merge.plots() == null || merge.plots().size() < 2) {
			throw new InvalidParameterException("plots", null, "give two or more plots, each with its id and version");
		}
		List<Current> plots = new ArrayList<>();
		for (PlotMerge.Based based : merge.plots()) {
			Current plot = current(based.id(), based.version());
			requireNoLease(plot);
			plots.add(plot);
		}
		if (plots.stream().map(Current::zoneId).distinct().count() > 1) {
			throw new UnprocessableException("merge_same_zone", "plots of different zones cannot be merged");
		}
		Long[] ids = plots.stream().map(Current::id).toArray(Long[]::new);
		Map<String, Object> union = this.jdbc.sql("""
				SELECT ST_AsGeoJSON(u, 9) AS geojson, ST_NumGeometries(u) AS parts
				  FROM (SELECT ST_UnaryUnion(ST_Collect(ST_SnapToGrid(boundary, 1e-9))) AS u FROM plot WHERE id = ANY (:ids)) x""")
			.param("ids", ids).query().singleRow();
		if (((Number) union.get("parts")).intValue() != 1) {
			throw new UnprocessableException("merge_touching", "the plots do not touch: their union is not one piece");
		}
		this.jdbc.sql("UPDATE plot SET deleted_at = now(), version = version + 1 WHERE id = ANY (:ids)").param("ids", ids)
			.update();
		String code = merge.code() == null || merge.code().isBlank() ? plots.get(0).code() + "-M" : merge.code().trim();
		return insertLike(plots.get(0), code, (String) union.get("geojson"));
	}

	private long insertLike(Current like, String code, String geoJson) {
		try {
			return this.jdbc.sql("""
					INSERT INTO plot (zone_id, code, boundary, area_ha, land_use, cleared_on, published, demo, note)
					SELECT zone_id, :code, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:g AS text)), 4326)), 0, land_use,
					       cleared_on, published, demo, note
					  FROM plot WHERE id = :like
					RETURNING id""")
				.param("code", code).param("g", geoJson).param("like", like.id()).query(Long.class).single();
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	private void requireNoLease(Current plot) {
		// committed_until (kept by the lease triggers) is the end of the plot's last lease: later than
		// today while a lease is in force or to come
		boolean committed = this.jdbc.sql("SELECT coalesce(committed_until > registry_today(), false) FROM plot WHERE id = :id")
			.param("id", plot.id()).query(Boolean.class).single();
		if (committed) {
			throw new ConflictException("plot_leased", "plot " + plot.code() + " has a lease or reservation in force or to "
					+ "come: end it before deleting, splitting or merging the plot");
		}
	}

	private Current current(long id, Long version) {
		return this.records.current(this.table, id, version);
	}

	private Optional<Current> lock(long id, boolean deleted) {
		return this.jdbc.sql("SELECT id, zone_id, code, version, published FROM plot WHERE id = :id"
				+ (deleted ? "" : " AND deleted_at IS NULL") + " FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Current(rs.getLong("id"), rs.getLong("zone_id"), rs.getString("code"), rs.getLong("version"),
					rs.getBoolean("published")))
			.optional();
	}

	private static List<String> suffixed(String code, int n) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			codes.add(code + "-" + (char) ('A' + i));
		}
		return codes;
	}

	record Current(long id, long zoneId, String code, long version, boolean published) implements VersionedTable.Row {
	}

	/** What is particular to plots in the workflow of versioned, draftable records. */
	private final class Table implements VersionedTable<Current, PlotChange, Boolean> {

		@Override
		public String name() {
			return "plot";
		}

		@Override
		public Optional<Current> lock(long id, boolean deleted) {
			return PlotEdits.this.lock(id, deleted);
		}

		@Override
		public Boolean apply(long id, Current current, PlotChange change, Boolean published) {
			return PlotEdits.this.apply(id, current, change, published);
		}

		@Override
		public PlotChange publishOnly() {
			return new PlotChange(null, null, null, null, null, null, true, null, null);
		}

		@Override
		public Boolean drafted(long id, Boolean rehearsed) {
			return true;
		}

		@Override
		public void checkDraft(long id) {
			PlotEdits.this.checkDraft(id);
		}

		@Override
		public String draftColumns() {
			return "code = r.code, land_use = r.land_use, cleared_on = r.cleared_on, note = r.note, boundary = r.boundary";
		}

		@Override
		public boolean restoresDeleted() {
			return true;
		}

		@Override
		public String restoredColumns() {
			return "code = r.code, boundary = r.boundary, land_use = r.land_use, cleared_on = r.cleared_on, note = r.note, "
					+ "published = r.published, deleted_at = r.deleted_at";
		}

		@Override
		public void checkRestored(long id, Current current, String values) {
		}

		@Override
		public Boolean saved(long id) {
			return false;
		}

	}

}
