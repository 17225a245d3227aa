package vn.landregistry.plots;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A plot to create: its boundary is a GeoJSON Polygon or MultiPolygon in lon/lat; a draft unless
 * {@code publish} is true.
 */
record NewPlot(String code, LandUse landUse, LocalDate clearedOn, JsonNode geometry, String note, Boolean publish,
		String reason) {
}
