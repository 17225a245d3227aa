package vn.landregistry.zones;

/** A zone's place in the 2021–2030 plan. */
public enum PlanStatus {

	EXISTING, NEW, EXPANDED, MERGED_INTO_KCN, REMOVED

}
