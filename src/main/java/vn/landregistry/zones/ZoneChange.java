package vn.landregistry.zones;

import java.math.BigDecimal;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A new zone, or the fields to change on one (absent fields stay as they are). {@code version}
 * is the version the editor read; {@code reason} is kept in the history.
 */
record ZoneChange(Long version, String kind, String code, String name, String nameEn, String district, String communes,
		String planStatus, String lifecycle, BigDecimal legalAreaHa, JsonNode geometry, String boundaryAccuracy,
		String boundaryNote, String developer, String decisionNo, LocalDate decisionDate, String note, String source,
		Boolean publish, String reason) {

	ZoneChange withVersion(long based) {
		return new ZoneChange(based, kind, code, name, nameEn, district, communes, planStatus, lifecycle, legalAreaHa,
				geometry, boundaryAccuracy, boundaryNote, developer, decisionNo, decisionDate, note, source, publish, reason);
	}

	String geoJson() {
		return this.geometry == null || this.geometry.isNull() ? null : this.geometry.toString();
	}

}
