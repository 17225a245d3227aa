package vn.landregistry.plots;

import java.util.List;

/** Join touching plots of one zone into one plot with a new code; each with the version read. */
record PlotMerge(List<Based> plots, String code, String reason) {

	record Based(long id, Long version) {
	}

}
