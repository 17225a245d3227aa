package vn.landregistry.shared;

/** Whether a boundary was surveyed or drawn approximately (e.g. from a plan's description). */
public enum BoundaryAccuracy {

	SURVEYED, APPROXIMATE

}
