package vn.landregistry.portal;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/** One plot as a row of the CSV export: what investors compare, distances in km and estimated minutes. */
record LandRow(Long id, String code, String zone, String zoneName, String kind, String unit, BigDecimal areaHa,
		Boolean readyNow, String clearedOn, String expectedOn, BigDecimal leasePriceMinUsd, BigDecimal leasePriceMaxUsd,
		Boolean priceOnRequest, BigDecimal powerMva, BigDecimal waterM3Day, BigDecimal wastewaterM3Day,
		Boolean telecomFibre, String landTermUntil, BigDecimal haNoiKm, Integer haNoiMinutes, BigDecimal airportKm,
		Integer airportMinutes, BigDecimal seaportKm, Integer seaportMinutes, String expresswayExit,
		BigDecimal expresswayKm, Integer expresswayMinutes, String url) {

	/** A row from a plot's GeoJSON properties (the land search's or the plot detail's), in a language. */
	static LandRow of(JsonNode p, boolean english, String base) {
		JsonNode facts = p.path("facts");
		JsonNode utilities = facts.path("utilities");
		return new LandRow(p.path("id").asLong(), text(p, "code"), text(p, "zone"),
				english && !p.path("zoneNameEn").isNull() ? text(p, "zoneNameEn") : text(p, "zoneName"), text(p, "kind"),
				english && !p.path("unitNameEn").isNull() ? text(p, "unitNameEn") : text(p, "unitName"),
				number(p, "areaHa"), p.path("readyNow").asBoolean(), text(p, "clearedOn"), text(p, "expectedOn"),
				number(p, "leasePriceMinUsd"), number(p, "leasePriceMaxUsd"), facts.path("priceOnRequest").asBoolean(),
				number(utilities, "powerMva"), number(utilities, "waterM3Day"), number(utilities, "wastewaterM3Day"),
				utilities.path("telecomFibre").isBoolean() ? utilities.path("telecomFibre").asBoolean() : null,
				text(utilities, "landTermUntil"), number(place(facts, "CITY"), "km"), minutes(place(facts, "CITY")),
				number(place(facts, "AIRPORT"), "km"), minutes(place(facts, "AIRPORT")), number(place(facts, "SEAPORT"), "km"),
				minutes(place(facts, "SEAPORT")),
				text(place(facts, "EXPRESSWAY_EXIT"), english ? "nameEn" : "name"), number(place(facts, "EXPRESSWAY_EXIT"), "km"),
				minutes(place(facts, "EXPRESSWAY_EXIT")), base + text(p, "url"));
	}

	private static JsonNode place(JsonNode facts, String kind) {
		for (JsonNode place : facts.path("access")) {
			if (kind.equals(place.path("kind").asString())) {
				return place;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	private static Integer minutes(JsonNode place) {
		return place.path("minutes").isNumber() ? place.path("minutes").asInt() : null;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

	private static BigDecimal number(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isNumber() ? value.decimalValue() : null;
	}

}
