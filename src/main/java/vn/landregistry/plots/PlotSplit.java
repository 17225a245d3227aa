package vn.landregistry.plots;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Cut a plot along a line (GeoJSON LineString crossing it); codes of the parts are optional. */
record PlotSplit(Long version, JsonNode line, List<String> codes, String reason) {
}
