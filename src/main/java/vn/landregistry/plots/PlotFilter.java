package vn.landregistry.plots;

import java.util.Set;

import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.BBox;
import vn.landregistry.shared.Paging;

/** Filters and page of {@code GET /api/plots}; empty sets mean "any". */
record PlotFilter(Set<String> zones, Set<PlotStatus> statuses, BBox bbox, AsOf asOf, Paging page) {
}
