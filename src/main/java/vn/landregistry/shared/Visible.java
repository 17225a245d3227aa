package vn.landregistry.shared;

/**
 * The zones, plots and clearance phases a reader may see, as SQL to put after FROM or JOIN: for the
 * public the views of migrations/V17__public_views.sql (published and not deleted, defined there
 * once); for readers who see drafts (see CurrentUser.seesDrafts) the rows that are not deleted.
 * Deleted rows are nobody's to read (the history keeps them).
 */
public final class Visible {

	private Visible() {
	}

	public static String zones(boolean drafts) {
		return drafts ? "(SELECT * FROM zone WHERE deleted_at IS NULL)" : "public_zone";
	}

	public static String plots(boolean drafts) {
		return drafts ? "(SELECT pv.* FROM plot pv WHERE pv.deleted_at IS NULL"
				+ " AND EXISTS (SELECT 1 FROM zone zv WHERE zv.id = pv.zone_id AND zv.deleted_at IS NULL))" : "public_plot";
	}

	public static String clearancePhases(boolean drafts) {
		return drafts ? "(SELECT cv.* FROM clearance_phase cv WHERE cv.deleted_at IS NULL"
				+ " AND EXISTS (SELECT 1 FROM zone zv WHERE zv.id = cv.zone_id AND zv.deleted_at IS NULL))"
				: "public_clearance_phase";
	}

}
