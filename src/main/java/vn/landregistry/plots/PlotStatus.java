package vn.landregistry.plots;

/** The lease status of a plot on a day, derived from its clearance date and lease history. */
public enum PlotStatus {

	AVAILABLE_CLEAN, AVAILABLE_NOT_CLEARED, RESERVED, LEASED, IN_OPERATION

}
