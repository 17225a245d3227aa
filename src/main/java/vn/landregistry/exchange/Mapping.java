package vn.landregistry.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which attribute of the file gives each registry field, and the SQL of a field's value in a
 * staged feature {@code f}. Attribute names come from the file (or the editor), so they enter SQL
 * only as quoted literals.
 */
record Mapping(ImportTarget target, Map<String, String> attributes) {

	static Mapping of(ImportTarget target, Map<String, String> requested, List<String> fileAttributes) {
		Map<String, String> checked = new LinkedHashMap<>();
		requested.forEach((field, attribute) -> {
			if (attribute == null || attribute.isBlank()) {
				return;
			}
			if (target.fields().stream().noneMatch(f -> f.name().equals(field))) {
				throw new ExchangeException("mapping_field", "'" + field + "' is not a field of " + target.table()
						+ "; fields: " + target.fields().stream().map(ImportTarget.Field::name).toList());
			}
			if (!fileAttributes.contains(attribute)) {
				throw new ExchangeException("mapping_attribute", "the file has no attribute '" + attribute
						+ "'; it has " + fileAttributes);
			}
			checked.put(field, attribute);
		});
		return new Mapping(target, checked);
	}

	boolean has(String field) {
		return this.attributes.containsKey(field);
	}

	/** SQL of the typed value of {@code field} (NULL when unmapped or unreadable). */
	String value(String field) {
		if (!has(field)) {
			return "CAST(NULL AS " + switch (this.target.field(field).type()) {
				case TEXT -> "text";
				case NUMBER -> "numeric";
				case DATE -> "date";
			} + ")";
		}
		return this.target.field(field).sql(literal(this.attributes.get(field)));
	}

	/** SQL of the text as written in the file. */
	String raw(String field) {
		return has(field) ? "nullif(btrim(f.properties ->> " + literal(this.attributes.get(field)) + "), '')"
				: "CAST(NULL AS text)";
	}

	static String literal(String text) {
		return "'" + text.replace("'", "''").replace("\u0000", "") + "'";
	}

}
