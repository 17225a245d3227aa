package vn.landregistry.exchange;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a file is imported into, and the registry fields of each record that a file's attributes
 * map to. Each field knows its names in exports (English and Vietnamese) and the other names
 * surveyors' and the authority's files use, so that most files map themselves.
 */
enum ImportTarget {

	ZONE("zone", List.of(
			Field.text("code", "ma", "ma_khu", "ma_kcn", "ma_ccn", "ky_hieu", "id_code", "layer"),
			Field.text("kind", "loai", "loai_khu", "type"),
			Field.text("name_vi", "ten", "ten_khu", "name", "ten_kcn", "ten_ccn"),
			Field.text("name_en", "ten_en", "name_english"),
			Field.text("plan_status", "quy_hoach", "tt_quyhoach", "status_plan"),
			Field.text("lifecycle", "giai_doan", "trang_thai", "status"),
			Field.number("legal_area_ha", "dt_phaply", "dien_tich_phap_ly", "dien_tich", "dt_ha", "area", "area_ha"),
			Field.number("lease_land_ha", "dt_chothue", "dat_cho_thue"),
			Field.text("developer", "chu_dau_tu", "cdt", "investor"),
			Field.text("decision_no", "so_qd", "quyet_dinh", "decision"),
			Field.date("decision_date", "ngay_qd"),
			Field.text("note", "ghi_chu", "notes"))),

	PLOT("plot", List.of(
			Field.text("code", "ma", "ma_lo", "so_lo", "lo", "ky_hieu", "plot", "plot_code", "layer"),
			Field.text("zone", "ma_khu", "khu", "zone_code", "kcn", "ccn"),
			Field.text("land_use", "muc_dich", "loai_dat", "use"),
			Field.date("cleared_on", "ngay_gpmb", "ngay_ban_giao", "cleared", "clean_on"),
			Field.number("area_ha", "dien_tich", "dt_ha", "dien_tich_ha", "area"),
			Field.text("tenant", "nha_dau_tu", "ndt", "doanh_nghiep", "investor", "investor_name", "ten_dn", "khach_thue"),
			Field.text("tenant_country", "quoc_gia", "country", "investor_country"),
			Field.text("industry", "nganh", "nganh_nghe"),
			Field.date("signed_on", "ngay_thue", "ngay_ky", "lease_start", "ngay_hd"),
			Field.date("operating_from", "ngay_hd_sx", "hoat_dong_tu", "operating"),
			Field.text("note", "ghi_chu", "notes"))),

	CLEARANCE_PHASE("clearance_phase", List.of(
			Field.text("code", "ma", "ma_dot", "dot", "phase", "layer"),
			Field.text("zone", "ma_khu", "khu", "zone_code"),
			Field.text("name", "ten", "ten_dot", "name_vi"),
			Field.date("target_date", "han", "thoi_han", "ngay_muc_tieu", "target"),
			Field.text("note", "ghi_chu", "notes"))),

	ADMIN_UNIT("admin_unit", List.of(
			Field.text("code", "ma", "ma_dvhc", "ma_don_vi", "layer"),
			Field.text("level", "cap", "cap_hanh_chinh"),
			Field.text("unit_type", "loai", "loai_dv", "type"),
			Field.text("name_vi", "ten", "ten_dv", "name"),
			Field.text("name_en", "ten_en", "name_english"),
			Field.text("parent", "ma_cha", "thuoc", "parent_code"),
			Field.date("valid_from", "hieu_luc_tu", "tu_ngay"),
			Field.date("valid_to", "hieu_luc_den", "den_ngay")));

	enum Type {

		TEXT, NUMBER, DATE

	}

	/** A registry field, its value type and the attribute names that map to it. */
	record Field(String name, Type type, List<String> names) {

		static Field text(String name, String... names) {
			return new Field(name, Type.TEXT, List.of(names));
		}

		static Field number(String name, String... names) {
			return new Field(name, Type.NUMBER, List.of(names));
		}

		static Field date(String name, String... names) {
			return new Field(name, Type.DATE, List.of(names));
		}

		/** Its name or another known name; a Shapefile's attribute names are cut to 10 characters. */
		boolean matches(String key) {
			if (key.equals(this.name) || this.names.contains(key)) {
				return true;
			}
			return key.length() == 10 && (this.name.startsWith(key) || this.names.stream().anyMatch(n -> n.startsWith(key)));
		}

		/** SQL of this field's value in a staged feature f, given the attribute it is mapped to. */
		String sql(String mappingSql) {
			String raw = "nullif(btrim(f.properties ->> " + mappingSql + "), '')";
			return switch (this.type) {
				case TEXT -> raw;
				case NUMBER -> "import_number(" + raw + ")";
				case DATE -> "import_date(" + raw + ")";
			};
		}

	}

	private final String table;

	private final List<Field> fields;

	ImportTarget(String table, List<Field> fields) {
		this.table = table;
		this.fields = fields;
	}

	String table() {
		return this.table;
	}

	List<Field> fields() {
		return this.fields;
	}

	Field field(String name) {
		return this.fields.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
	}

	static ImportTarget parse(String text) {
		String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ImportTarget target : values()) {
			if (target.name().equals(name) || (target.name() + "S").equals(name)
					|| (target == CLEARANCE_PHASE && name.equals("CLEARANCE")) || (target == ADMIN_UNIT && name.equals("UNITS"))) {
				return target;
			}
		}
		throw new ExchangeException("target_unknown",
				"target '" + text + "' is not one of zones, plots, clearance, units");
	}

	/**
	 * Each field mapped to the file's attribute of the same or a known other name (accents, case and
	 * punctuation aside); fields without one stay unmapped.
	 */
	Map<String, String> guessMapping(List<String> attributes) {
		Map<String, String> mapping = new LinkedHashMap<>();
		for (Field field : this.fields) {
			for (String attribute : attributes) {
				String key = normalise(attribute);
				if (field.matches(key)) {
					mapping.put(field.name, attribute);
					break;
				}
			}
		}
		return mapping;
	}

	/** "Mã lô" → "ma_lo", "Tên KCN" → "ten_kcn". */
	static String normalise(String name) {
		String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

}
