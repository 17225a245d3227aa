package vn.landregistry.zones;

public enum Lifecycle {

	PLANNED, APPROVED, UNDER_CONSTRUCTION, OPERATING

}
