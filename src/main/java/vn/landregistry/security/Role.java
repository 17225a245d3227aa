package vn.landregistry.security;

/** Roles of the registry's users; the public reads published data without an account. */
public enum Role {

	/** Industrial Zones Authority: manages users, and edits like an editor. */
	AUTHORITY_ADMIN,

	/** Industrial Zones Authority: edits zones, plots, clearance and status everywhere. */
	AUTHORITY_EDITOR,

	/**
	 * A local officer: records land clearance for their own units only — a district before
	 * 2025-07-01, a commune or ward since (the name is kept from the time of districts).
	 */
	DISTRICT_OFFICER

}
