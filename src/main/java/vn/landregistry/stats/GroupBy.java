package vn.landregistry.stats;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;


/**
 * How zones are grouped for statistics, with the SQL that names each group. The key is the first
 * grouped column, so GROUPING(key) tells the total row apart. A zone's unit ({@code d}) and
 * province ({@code p}) are those holding it on the day: districts of Bắc Giang until 2025-06-30,
 * communes and wards of the merged Bắc Ninh since 2025-07-01.
 */
enum GroupBy {

	ZONE("z.code", "z.name_vi", "z.name_en", "z.id", "z.kind", "z.code, z.name_vi, z.name_en, z.id, z.kind, d.code, d.level"),

	UNIT("d.code", "d.name_vi", "d.name_en", "NULL::bigint", "NULL", "d.code, d.name_vi, d.name_en, d.level"),

	KIND("z.kind", "CASE z.kind WHEN 'KCN' THEN 'Khu công nghiệp' ELSE 'Cụm công nghiệp' END",
			"CASE z.kind WHEN 'KCN' THEN 'Industrial zones' ELSE 'Industrial clusters' END", "NULL::bigint", "z.kind",
			"z.kind"),

	PROVINCE("p.code", "p.name_vi", "p.name_en", "NULL::bigint", "NULL", "p.code, p.name_vi, p.name_en");

	final String key;

	final String name;

	final String nameEn;

	final String zoneId;

	final String kind;

	final String columns;

	GroupBy(String key, String name, String nameEn, String zoneId, String kind, String columns) {
		this.key = key;
		this.name = name;
		this.nameEn = nameEn;
		this.zoneId = zoneId;
		this.kind = kind;
		this.columns = columns;
	}

	/** The unit column of a row: the zone's unit, or the unit itself; none for kinds and provinces. */
	String unit() {
		return this == ZONE || this == UNIT ? "d.code" : "NULL";
	}

	String level() {
		return this == ZONE || this == UNIT ? "d.level" : this == PROVINCE ? "'PROVINCE'" : "NULL";
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
