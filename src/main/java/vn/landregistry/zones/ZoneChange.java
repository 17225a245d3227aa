package vn.landregistry.zones;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import vn.landregistry.history.VersionedTable;
import vn.landregistry.shared.InvalidParameterException;

/**
 * A new zone, or the fields to change on one (absent fields stay as they are). {@code version}
 * is the version the editor read; {@code reason} is kept in the history.
 */
record ZoneChange(Long version, String kind, String code, String name, String nameEn, String district, String communes,
		String planStatus, String lifecycle, BigDecimal legalAreaHa, JsonNode geometry, String boundaryAccuracy,
		String boundaryNote, String developer, String decisionNo, LocalDate decisionDate, String note, String source,
		@Schema(description = "New zone: true publishes it at once (default: a draft). Change of an unpublished zone: "
				+ "true publishes it. A published zone cannot be unpublished this way (false: 422); delete it instead.")
		Boolean publish,
		@Schema(description = "Change of a published zone: true keeps the change as a draft (GET/DELETE "
				+ "/api/zones/{id}/draft), checked like a direct edit; the public keeps seeing the published zone "
				+ "until POST /api/zones/{id}/publish. On an unpublished zone the change is saved directly.")
		Boolean draft,
		String reason) implements VersionedTable.Change {

	/** No field changed. */
	static final ZoneChange NONE = new ZoneChange(null, null, null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null);

	ZoneChange withVersion(long based) {
		return new ZoneChange(based, kind, code, name, nameEn, district, communes, planStatus, lifecycle, legalAreaHa,
				geometry, boundaryAccuracy, boundaryNote, developer, decisionNo, decisionDate, note, source, publish, draft,
				reason);
	}

	/** Whether the change is to be kept as a draft; 400 when it asks to be published too. */
	@Override
	public boolean asDraft() {
		if (Boolean.TRUE.equals(this.draft) && Boolean.TRUE.equals(this.publish)) {
			throw new InvalidParameterException("draft", "true", "draft and publish exclude each other: give one of them");
		}
		return Boolean.TRUE.equals(this.draft);
	}

	String geoJson() {
		return this.geometry == null || this.geometry.isNull() ? null : this.geometry.toString();
	}

}
