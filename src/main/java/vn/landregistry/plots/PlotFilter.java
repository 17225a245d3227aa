package vn.landregistry.plots;

import java.time.LocalDate;
import java.util.Set;

import vn.landregistry.shared.BBox;

/** Filters of {@code GET /api/plots}; empty sets mean "any". */
record PlotFilter(Set<String> zones, Set<PlotStatus> statuses, BBox bbox, LocalDate asOf) {
}
