package vn.landregistry.stats;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How zones are grouped for statistics, with the SQL that names each group. The key is the first
 * grouped column, so GROUPING(key) tells the total row apart.
 */
enum GroupBy {

	ZONE("z.code", "z.name_vi", "z.name_en", "z.id", "z.kind", "d.code",
			"z.code, z.name_vi, z.name_en, z.id, z.kind, d.code"),

	DISTRICT("d.code", "d.name_vi", "d.name_en", "NULL::bigint", "NULL", "d.code", "d.code, d.name_vi, d.name_en"),

	KIND("z.kind", "CASE z.kind WHEN 'KCN' THEN 'Khu công nghiệp' ELSE 'Cụm công nghiệp' END",
			"CASE z.kind WHEN 'KCN' THEN 'Industrial zones' ELSE 'Industrial clusters' END", "NULL::bigint", "z.kind",
			"NULL", "z.kind"),

	PROVINCE("p.code", "p.name_vi", "p.name_en", "NULL::bigint", "NULL", "NULL", "p.code, p.name_vi, p.name_en");

	final String key;

	final String name;

	final String nameEn;

	final String zoneId;

	final String kind;

	final String district;

	final String columns;

	GroupBy(String key, String name, String nameEn, String zoneId, String kind, String district, String columns) {
		this.key = key;
		this.name = name;
		this.nameEn = nameEn;
		this.zoneId = zoneId;
		this.kind = kind;
		this.district = district;
		this.columns = columns;
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
