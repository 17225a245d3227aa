package vn.landregistry.zones;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.admin.Districts;
import vn.landregistry.history.Changes;
import vn.landregistry.history.Drafts;
import vn.landregistry.history.VersionedRecords;
import vn.landregistry.history.VersionedTable;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.GeometryChecks;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.Parameters;
import vn.landregistry.shared.UnprocessableException;

import static vn.landregistry.shared.Fields.blankToNull;
import static vn.landregistry.shared.Fields.required;

/**
 * Creates, changes, publishes, deletes (softly) and restores zones. Every write names its author
 * and reason for the history, is based on the version the editor read (else 409), and passes the
 * spatial checks: a valid polygon inside the province, no overlap with a zone of the same kind
 * beyond the tolerance. A drawn area far from the legal area is a warning only.
 */
@Service
@EnableConfigurationProperties(EditRules.class)
class ZoneService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The editable columns of a zone, taken from a row r of the same type (a draft, a past version). */
	private static final String TAKE_VALUES_OF_R = """
			name_vi = r.name_vi, name_en = r.name_en, district_id = r.district_id, communes = r.communes,
			plan_status = r.plan_status, lifecycle = r.lifecycle, legal_area_ha = r.legal_area_ha, boundary = r.boundary,
			boundary_accuracy = r.boundary_accuracy, boundary_note = r.boundary_note, developer = r.developer,
			decision_no = r.decision_no, decision_date = r.decision_date, note = r.note, source = r.source,
			figure_sources = r.figure_sources, lease_land_ha = r.lease_land_ha, other_land_ha = r.other_land_ha,
			parent_id = r.parent_id, plan_period = r.plan_period""";

	private final JdbcClient jdbc;

	private final GeometryChecks geometry;

	private final Districts districts;

	private final Changes changes;

	private final EditRules rules;

	private final Drafts drafts;

	private final VersionedRecords records;

	private final Table table = new Table();

	ZoneService(JdbcClient jdbc, GeometryChecks geometry, Districts districts, Changes changes, EditRules rules,
			Drafts drafts, VersionedRecords records) {
		this.jdbc = jdbc;
		this.drafts = drafts;
		this.records = records;
		this.geometry = geometry;
		this.districts = districts;
		this.changes = changes;
		this.rules = rules;
	}

	/**
	 * Saved zone id and the warnings to show beside the shape; {@code draft} when the change was
	 * kept as the zone's draft.
	 */
	record Saved(long id, List<String> warnings, boolean draft) {

		Saved(long id, List<String> warnings) {
			this(id, warnings, false);
		}

	}

	@Transactional
	Saved create(ZoneChange zone) {
		this.changes.attribute(zone.reason() == null ? "created" : zone.reason());
		String code = required("code", zone.code()).toUpperCase(Locale.ROOT);
		ZoneKind kind = Parameters.oneEnum("kind", required("kind", zone.kind()), ZoneKind.class, null);
		String geoJson = zone.geoJson();
		this.geometry.requireValidPolygon("geometry", geoJson);
		long districtId = district(zone.district(), geoJson);
		checkPlace(0, kind, districtId, geoJson);
		try {
			long id = this.jdbc.sql("""
					INSERT INTO zone (kind, code, name_vi, name_en, district_id, communes, plan_status, lifecycle, legal_area_ha,
					                  boundary, boundary_accuracy, boundary_note, developer, decision_no, decision_date, note,
					                  source, published)
					VALUES (:kind, :code, :name, :nameEn, :district, :communes, :planStatus, :lifecycle, :legal,
					        ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)), :accuracy, :boundaryNote,
					        :developer, :decisionNo, :decisionDate, :note, :source, :published)
					RETURNING id""")
				.param("kind", kind.name()).param("code", code).param("name", required("name", zone.name()))
				.param("nameEn", zone.nameEn()).param("district", districtId).param("communes", zone.communes())
				.param("planStatus", Parameters.oneEnum("planStatus", required("planStatus", zone.planStatus()), PlanStatus.class, null).name())
				.param("lifecycle", lifecycle(zone.lifecycle())).param("legal", zone.legalAreaHa())
				.param("geometry", geoJson).param("accuracy", accuracy(zone.boundaryAccuracy(), "APPROXIMATE"))
				.param("boundaryNote", zone.boundaryNote()).param("developer", zone.developer())
				.param("decisionNo", zone.decisionNo()).param("decisionDate", zone.decisionDate())
				.param("note", zone.note()).param("source", required("source", zone.source()))
				.param("published", Boolean.TRUE.equals(zone.publish()))
				.query(Long.class).single();
			return new Saved(id, warnings(id));
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	/**
	 * Changes a zone. A published zone's change may be kept as a draft instead ({@code draft}), after
	 * the same checks; a published zone is never unpublished by a change (422).
	 */
	@Transactional
	Saved update(long id, ZoneChange change) {
		return this.records.update(this.table, id, change);
	}

	/**
	 * Publishes a zone: its pending draft, if any, is applied as one change, attributed to the
	 * publisher with the draft's reason, after the checks of a direct edit; a draft made from an
	 * older version is refused (409) and kept. A draft zone becomes public.
	 */
	@Transactional
	Saved publish(long id, Long version, String reason) {
		return this.records.publish(this.table, id, version, reason);
	}

	/** Drops the pending draft of a zone; 404 when there is none. */
	@Transactional
	void discardDraft(long id) {
		this.records.discardDraft(this.table, id);
	}

	/** The checks of a direct edit, on the zone as its pending draft makes it. */
	private void checkDraft(long id) {
		Current drafted = this.jdbc.sql("""
				SELECT id, kind, district_id, version, published, ST_AsGeoJSON(boundary) AS geojson FROM zone_with_draft(:id)""")
			.param("id", id).query(ZoneService::current).single();
		boolean reshaped = this.drafts.changes("zone", id, "boundary");
		if (reshaped) {
			this.geometry.requireValidPolygon("geometry", drafted.geoJson());
		}
		if (reshaped || this.drafts.changes("zone", id, "district_id")) {
			checkPlace(id, drafted.kind(), drafted.districtId(), drafted.geoJson());
		}
	}

	private Saved apply(long id, Current current, ZoneChange change, Boolean published) {
		String geoJson = change.geoJson();
		Long districtId = change.district() == null ? null : district(change.district(), geoJson);
		if (geoJson != null || districtId != null) {
			String shape = geoJson != null ? geoJson : current.geoJson();
			if (geoJson != null) {
				this.geometry.requireValidPolygon("geometry", geoJson);
			}
			checkPlace(id, current.kind(), districtId != null ? districtId : current.districtId(), shape);
		}
		try {
			int updated = this.jdbc.sql("""
					UPDATE zone SET
					  name_vi = coalesce(:name, name_vi), name_en = coalesce(:nameEn, name_en),
					  district_id = coalesce(:district, district_id), communes = coalesce(:communes, communes),
					  plan_status = coalesce(:planStatus, plan_status), lifecycle = coalesce(:lifecycle, lifecycle),
					  legal_area_ha = coalesce(:legal, legal_area_ha),
					  boundary = coalesce(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)), boundary),
					  boundary_accuracy = coalesce(:accuracy, boundary_accuracy), boundary_note = coalesce(:boundaryNote, boundary_note),
					  developer = coalesce(:developer, developer), decision_no = coalesce(:decisionNo, decision_no),
					  decision_date = coalesce(:decisionDate, decision_date), note = coalesce(:note, note),
					  source = coalesce(:source, source), published = coalesce(:published, published),
					  version = version + 1
					 WHERE id = :id AND version = :version AND deleted_at IS NULL""")
				.param("name", blankToNull(change.name())).param("nameEn", blankToNull(change.nameEn()))
				.param("district", districtId).param("communes", blankToNull(change.communes()))
				.param("planStatus", change.planStatus() == null ? null
						: Parameters.oneEnum("planStatus", change.planStatus(), PlanStatus.class, null).name())
				.param("lifecycle", change.lifecycle() == null ? null : lifecycle(change.lifecycle()))
				.param("legal", change.legalAreaHa()).param("geometry", geoJson)
				.param("accuracy", change.boundaryAccuracy() == null ? null : accuracy(change.boundaryAccuracy(), null))
				.param("boundaryNote", blankToNull(change.boundaryNote())).param("developer", blankToNull(change.developer()))
				.param("decisionNo", blankToNull(change.decisionNo())).param("decisionDate", change.decisionDate())
				.param("note", blankToNull(change.note())).param("source", blankToNull(change.source()))
				.param("published", published).param("id", id).param("version", current.version())
				.update();
			if (updated == 0) {
				throw this.records.stale(this.table, id, current.version());
			}
			return new Saved(id, warnings(id));
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	@Transactional
	void delete(long id, Long version, String reason) {
		this.records.delete(this.table, id, version, reason, zone -> {
		});
	}

	/** Puts back the values a zone had after one change of its history, as a new change. */
	@Transactional
	Saved restore(long id, long changeId, Long version, String reason) {
		return this.records.restore(this.table, id, changeId, version, reason);
	}

	/** A restore keeps the zone inside its province and off the zones of its kind. */
	private void checkRestored(long id, Current current, String values) {
		String shape = JSON.readTree(values).path("boundary").toString();
		long districtId = JSON.readTree(values).path("district_id").asLong();
		checkPlace(id, current.kind(), districtId, shape);
	}

	private void checkPlace(long id, ZoneKind kind, long districtId, String geoJson) {
		Double outside = this.jdbc.sql("""
				SELECT ST_Area(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:g AS text)), 4326), p.boundary)::geography)
				  FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id WHERE d.id = :district""")
			.param("g", geoJson).param("district", districtId).query(Double.class).optional().orElse(null);
		if (outside != null && outside > this.rules.outsideToleranceM2()) {
			throw new UnprocessableException("zone_inside_province", "the zone lies " + Math.round(outside / 100) / 100.0
					+ " ha outside the province", Map.of("outsideHa", outside / 10000));
		}
		List<Map<String, Object>> overlaps = new ArrayList<>();
		this.jdbc.sql("""
				SELECT z.code, ST_Area(ST_Intersection(z.boundary, g.shape)::geography) AS m2,
				       ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(z.boundary, g.shape), 3), 7) AS overlap
				  FROM zone z, (SELECT ST_SetSRID(ST_GeomFromGeoJSON(CAST(:g AS text)), 4326) AS shape) g
				 WHERE z.kind = :kind AND z.id <> :id AND z.deleted_at IS NULL AND ST_Intersects(z.boundary, g.shape)
				 ORDER BY z.code""")
			.param("g", geoJson).param("kind", kind.name()).param("id", id)
			.query((rs, row) -> {
				if (rs.getDouble("m2") > this.rules.overlapToleranceM2()) {
					Map<String, Object> overlap = new LinkedHashMap<>();
					overlap.put("zone", rs.getString("code"));
					overlap.put("areaM2", Math.round(rs.getDouble("m2")));
					overlap.put("geometry", JSON.readTree(rs.getString("overlap")));
					overlaps.add(overlap);
				}
				return 1;
			}).list();
		if (!overlaps.isEmpty()) {
			throw new UnprocessableException("zone_overlap", "the zone overlaps " + overlaps.size() + " other " + kind
					+ " by more than " + this.rules.overlapToleranceM2() + " m²: " + overlaps.get(0).get("zone") + " by "
					+ overlaps.get(0).get("areaM2") + " m²", Map.of("overlaps", overlaps));
		}
	}

	private List<String> warnings(long id) {
		List<String> warnings = new ArrayList<>();
		this.jdbc.sql("""
				SELECT legal_area_ha, round(CAST(ST_Area(boundary::geography) / 10000 AS numeric), 2) AS map_ha
				  FROM zone WHERE id = :id AND legal_area_ha IS NOT NULL""")
			.param("id", id).query((rs, row) -> {
				BigDecimal legal = rs.getBigDecimal("legal_area_ha");
				BigDecimal map = rs.getBigDecimal("map_ha");
				double percent = 100 * Math.abs(map.doubleValue() - legal.doubleValue()) / legal.doubleValue();
				if (percent > this.rules.areaWarningPercent()) {
					warnings.add("the drawn area (" + map + " ha) differs from the legal area (" + legal + " ha) by "
							+ Math.round(percent) + " %, more than " + this.rules.areaWarningPercent() + " %");
				}
				return 1;
			}).list();
		return warnings;
	}

	private long district(String code, String geoJson) {
		if (code != null && !code.isBlank()) {
			return this.districts.id(code).orElseThrow(
					() -> new InvalidParameterException("district", code, "unknown district '" + code + "'"));
		}
		if (geoJson == null) {
			throw new InvalidParameterException("district", null, "district is required");
		}
		return this.districts.holding(geoJson).orElseThrow(() -> new UnprocessableException("zone_inside_province",
				"the zone lies in no district of the registry"));
	}

	private Optional<Current> lock(long id) {
		return this.jdbc.sql("""
				SELECT id, kind, district_id, version, published, ST_AsGeoJSON(boundary) AS geojson FROM zone
				 WHERE id = :id AND deleted_at IS NULL FOR UPDATE""")
			.param("id", id).query(ZoneService::current).optional();
	}

	private static String lifecycle(String text) {
		return text == null || text.isBlank() ? null : Parameters.oneEnum("lifecycle", text, Lifecycle.class, null).name();
	}

	private static String accuracy(String text, String fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String value = text.trim().toUpperCase(Locale.ROOT);
		if (!value.equals("SURVEYED") && !value.equals("APPROXIMATE")) {
			throw new InvalidParameterException("boundaryAccuracy", text, "boundaryAccuracy is SURVEYED or APPROXIMATE");
		}
		return value;
	}

	private static Current current(ResultSet rs, int row) throws SQLException {
		return new Current(rs.getLong("id"), ZoneKind.valueOf(rs.getString("kind")), rs.getLong("district_id"),
				rs.getLong("version"), rs.getBoolean("published"), rs.getString("geojson"));
	}

	record Current(long id, ZoneKind kind, long districtId, long version, boolean published, String geoJson)
			implements VersionedTable.Row {
	}

	/** What is particular to zones in the workflow of versioned, draftable records. */
	private final class Table implements VersionedTable<Current, ZoneChange, Saved> {

		@Override
		public String name() {
			return "zone";
		}

		@Override
		public Optional<Current> lock(long id, boolean deleted) {
			return ZoneService.this.lock(id);
		}

		@Override
		public Saved apply(long id, Current current, ZoneChange change, Boolean published) {
			return ZoneService.this.apply(id, current, change, published);
		}

		@Override
		public ZoneChange publishOnly() {
			return ZoneChange.NONE;
		}

		@Override
		public Saved drafted(long id, Saved rehearsed) {
			return new Saved(id, rehearsed.warnings(), true);
		}

		@Override
		public void checkDraft(long id) {
			ZoneService.this.checkDraft(id);
		}

		@Override
		public String draftColumns() {
			return TAKE_VALUES_OF_R;
		}

		@Override
		public boolean restoresDeleted() {
			return false;
		}

		@Override
		public String restoredColumns() {
			return TAKE_VALUES_OF_R;
		}

		@Override
		public void checkRestored(long id, Current current, String values) {
			ZoneService.this.checkRestored(id, current, values);
		}

		@Override
		public Saved saved(long id) {
			return new Saved(id, warnings(id));
		}

	}

}
