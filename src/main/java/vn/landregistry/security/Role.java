package vn.landregistry.security;

/** Roles of the registry's users; the public reads published data without an account. */
public enum Role {

	/** Industrial Zones Authority: manages users, and edits like an editor. */
	AUTHORITY_ADMIN,

	/** Industrial Zones Authority: edits zones, plots, clearance and status everywhere. */
	AUTHORITY_EDITOR,

	/** A district's officer: records land clearance in their own district(s) only. */
	DISTRICT_OFFICER

}
