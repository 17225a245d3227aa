package vn.landregistry.ogc;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.landregistry.shared.InvalidParameterException;

/**
 * A property one may filter a collection's items on ({@code name=value}, equality), with the SQL
 * column it compares and, where the schema fixes them, the values it may take.
 */
record OgcQueryable(String name, String column, String title, List<String> values) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static OgcQueryable text(String name, String column, String title) {
		return new OgcQueryable(name, column, title, List.of());
	}

	static OgcQueryable oneOf(String name, String column, String title, String... values) {
		return new OgcQueryable(name, column, title, List.of(values));
	}

	/** Its JSON Schema (OGC API – Features Part 3 queryables). */
	ObjectNode schema() {
		ObjectNode node = JSON.createObjectNode().put("title", this.title).put("type", "string");
		if (!this.values.isEmpty()) {
			this.values.forEach(node.putArray("enum")::add);
		}
		return node;
	}

	/** The value of a filter, refused when the schema fixes the values and this is none of them. */
	String accept(String value) {
		if (!this.values.isEmpty() && !this.values.contains(value)) {
			throw new InvalidParameterException(this.name, value,
					this.name + " is one of " + String.join(", ", this.values));
		}
		return value;
	}

}
