package vn.landregistry.ogc;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One collection of the OGC API – Features service: the table or public view of its rows (alias
 * {@code t}) and what else selects them, their properties (a SQL select list whose column names are
 * the property names), the properties one may filter on, and the tables it reads (whose changes
 * evict its cached pages). When {@code replay} names a function, {@code datetime} replays the rows
 * as they were (history), public ones only as the views give them now.
 */
record OgcCollection(String id, String title, String description, String table, String replay, String joins,
		String visible, String properties, List<OgcQueryable> queryables, Set<String> reads) {

	String from(boolean past) {
		String rows = past && this.replay != null ? this.replay + "(CAST(:at AS timestamptz)) t" : this.table + " t";
		return rows + " " + this.joins;
	}

	Optional<OgcQueryable> queryable(String name) {
		return this.queryables.stream().filter(q -> q.name().equals(name)).findFirst();
	}

	List<String> queryableNames() {
		return this.queryables.stream().map(OgcQueryable::name).toList();
	}

}
