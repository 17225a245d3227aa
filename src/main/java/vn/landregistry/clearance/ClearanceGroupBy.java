package vn.landregistry.clearance;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;


/**
 * How phases are grouped for the clearance statistics: the SQL naming each group (the key is the
 * first grouped column, so GROUPING(key) tells the total row apart). The unit is the one in charge
 * on the day: a district until 2025-06-30, a commune or ward since.
 */
enum ClearanceGroupBy {

	ZONE("z.code", "z.name_vi", "z.name_en"), UNIT("d.code", "d.name_vi", "d.name_en"),
	PROVINCE("pr.code", "pr.name_vi", "pr.name_en");

	final String key;

	final String name;

	final String nameEn;

	ClearanceGroupBy(String key, String name, String nameEn) {
		this.key = key;
		this.name = name;
		this.nameEn = nameEn;
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	String columns() {
		return this.key + ", " + this.name + ", " + this.nameEn;
	}

}
