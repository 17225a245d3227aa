package vn.landregistry.exchange;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.Parameters;

/**
 * What an export asks for, checked: the layer, format, CRS and language of attribute names, and the
 * filters. Codes are checked against the registry later ({@link ExportFeatures}); everything else
 * here, so that a bad value is answered before any work, naming its parameter.
 */
record ExportRequest(ExportLayer layer, ExportFormat format, ExchangeCrs crs, boolean vietnamese, Set<String> codes,
		Set<String> kinds, Set<String> zones, Set<String> districts, Set<String> statuses, BBox bbox) {

	private static final List<String> KINDS = List.of("KCN", "CCN");

	/** Parameters as they came; null when absent. */
	record Query(String format, String crs, String lang, String code, String kind, String zone, String district,
			String status, String bbox) {
	}

	static ExportRequest parse(ExportLayer layer, Query p) {
		ExportFormat format = ExportFormat.parse(p.format());
		ExchangeCrs crs = crs(p.crs());
		if (format == ExportFormat.KML && crs.kind() != ExchangeCrs.Kind.WGS84) {
			throw new InvalidParameterException("crs", p.crs(), "KML is always in WGS 84 longitude/latitude: "
					+ "ask for crs=EPSG:4326 (the default) or another format for " + crs.code());
		}
		ExportLayer.Filters applies = layer.filters();
		return new ExportRequest(layer, format, crs, vietnamese(p.lang()), codes("code", p.code()),
				values("kind", p.kind(), applies.kind() == null ? null : KINDS, layer),
				only("zone", codes("zone", p.zone()), applies.zone() != null, layer), codes("district", p.district()),
				values("status", p.status(), applies.status() == null ? null : applies.statuses(), layer),
				BBox.parse("bbox", p.bbox()));
	}

	private static ExchangeCrs crs(String text) {
		if (text == null || text.isBlank()) {
			return ExchangeCrs.WGS_84;
		}
		try {
			return ExchangeCrs.parse("crs", text);
		}
		catch (ExchangeException ex) {
			throw new InvalidParameterException("crs", text, ex.getMessage());
		}
	}

	private static boolean vietnamese(String lang) {
		if (lang == null || lang.isBlank() || lang.trim().equalsIgnoreCase("vi")) {
			return true;
		}
		if (lang.trim().equalsIgnoreCase("en")) {
			return false;
		}
		throw new InvalidParameterException("lang", lang,
				"lang '" + lang + "' is not offered; use vi (Vietnamese attribute names, the default) or en");
	}

	/** Comma-separated codes, upper case (codes are compared without case); letters, digits, . _ - only. */
	private static Set<String> codes(String parameter, String text) {
		Set<String> codes = new LinkedHashSet<>();
		for (String item : Parameters.items(text)) {
			if (!item.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
				throw new InvalidParameterException(parameter, text, parameter + " '" + item
						+ "' is not a code: codes are letters, digits, '.', '_' and '-', comma-separated");
			}
			codes.add(item.toUpperCase(Locale.ROOT));
		}
		return codes;
	}

	/** Comma-separated values of a closed list ({@code allowed}; null: the filter does not apply to the layer). */
	private static Set<String> values(String parameter, String text, List<String> allowed, ExportLayer layer) {
		Set<String> values = new LinkedHashSet<>();
		for (String item : Parameters.items(text)) {
			String value = item.toUpperCase(Locale.ROOT);
			if (allowed != null && !allowed.contains(value)) {
				throw new InvalidParameterException(parameter, text, "unknown " + parameter + " '" + item + "' for "
						+ layer.path() + "; expected one or more of " + String.join(", ", allowed));
			}
			values.add(value);
		}
		return only(parameter, values, allowed != null, layer);
	}

	private static Set<String> only(String parameter, Set<String> values, boolean applies, ExportLayer layer) {
		if (!values.isEmpty() && !applies) {
			throw new InvalidParameterException(parameter, String.join(",", values),
					parameter + " does not filter " + layer.path() + "; it filters "
							+ Arrays.stream(ExportLayer.values()).filter(l -> takes(l, parameter)).map(ExportLayer::path)
								.collect(Collectors.joining(", ")));
		}
		return values;
	}

	private static boolean takes(ExportLayer layer, String parameter) {
		return switch (parameter) {
			case "kind" -> layer.filters().kind() != null;
			case "zone" -> layer.filters().zone() != null;
			default -> layer.filters().status() != null;
		};
	}

	/** The download's name, e.g. zones-EPSG9214-vi.zip. */
	String fileName() {
		String crs = this.crs.code().replace("EPSG:", "EPSG").replaceAll("[^A-Za-z0-9.-]+", "");
		return this.layer.path() + "-" + crs + "-" + (this.vietnamese ? "vi" : "en") + "." + this.format.extension();
	}

}
