package vn.landregistry.plots;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/** Fields to change on a plot (absent ones stay), based on the version the editor read. */
record PlotChange(Long version, String code, LandUse landUse, LocalDate clearedOn, JsonNode geometry, String note,
		Boolean publish, String reason) {

	PlotChange withVersion(long based) {
		return new PlotChange(based, code, landUse, clearedOn, geometry, note, publish, reason);
	}

	String geoJson() {
		return this.geometry == null || this.geometry.isNull() ? null : this.geometry.toString();
	}

}
