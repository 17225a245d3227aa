package vn.landregistry.portal;

/** What "on offer" means, in SQL over a plot {@code p} on the day {@code :today}, for every portal query. */
final class OfferSql {

	/** No lease or reservation binds the plot that day or later. */
	static final String FREE = "(p.committed_until IS NULL OR p.committed_until <= CAST(:today AS date))";

	/** When an uncleared plot is expected to be clean: the target of the unfinished clearance phase over it. */
	static final String EXPECTED_ON = """
			(SELECT min(c.target_date) FROM public_clearance_phase c
			  WHERE c.zone_id = p.zone_id AND c.status <> 'HANDED_OVER'
			    AND (p.cleared_on IS NULL OR p.cleared_on > CAST(:today AS date))
			    AND ST_Intersects(c.boundary, p.boundary))""";

	private OfferSql() {
	}

}
