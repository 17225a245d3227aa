package vn.landregistry.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause built from optional filters, with its named parameters. */
public final class SqlWhere {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new HashMap<>();

	/** {@code column IN (:name)} when {@code values} is not empty; enums are bound by name. */
	public SqlWhere in(String column, String name, Collection<?> values) {
		if (!values.isEmpty()) {
			this.conditions.add(column + " IN (:" + name + ")");
			this.params.put(name, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList());
		}
		return this;
	}

	/** Geometries that intersect the box, when there is one. */
	public SqlWhere intersects(String geometry, BBox bbox) {
		if (bbox != null) {
			this.conditions.add("ST_Intersects(" + geometry
					+ ", ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))");
			this.params.put("minLon", bbox.minLon());
			this.params.put("minLat", bbox.minLat());
			this.params.put("maxLon", bbox.maxLon());
			this.params.put("maxLat", bbox.maxLat());
		}
		return this;
	}

	/** A condition that always applies, written by the caller (no user input in it). */
	public SqlWhere condition(String sql) {
		this.conditions.add(sql);
		return this;
	}

	public SqlWhere param(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/** " WHERE a AND b", or "" without conditions. */
	public String sql() {
		return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
	}

	public Map<String, Object> params() {
		return this.params;
	}

}
