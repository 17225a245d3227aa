package vn.landregistry.ogc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The HTML encoding of the service's resources: the same JSON, shown as headings, links and
 * tables (properties of features), every value escaped. Enough to browse the service.
 */
final class OgcHtml {

	private OgcHtml() {
	}

	static String page(String title, JsonNode body) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
			.append(esc(title)).append("</title><style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:70rem}"
					+ "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
					+ "</style></head><body><h1>").append(esc(title)).append("</h1>");
		if (body.hasNonNull("description")) {
			html.append("<p>").append(esc(body.get("description").asString())).append("</p>");
		}
		links(html, body.get("links"));
		if (body.has("features")) {
			html.append("<p>").append(body.path("numberReturned").asInt()).append(" of ")
				.append(body.path("numberMatched").asLong()).append(" features</p>");
			features(html, body.get("features"));
		}
		else if ("Feature".equals(body.path("type").asString())) {
			table(html, body.get("properties"));
		}
		else if (body.has("$schema") && body.has("properties")) {
			schema(html, body.get("properties"));
		}
		if (body.has("collections")) {
			for (JsonNode collection : body.get("collections")) {
				html.append("<h2>").append(esc(collection.path("title").asString())).append("</h2>");
				links(html, collection.get("links"));
			}
		}
		if (body.has("conformsTo")) {
			html.append("<ul>");
			body.get("conformsTo").forEach(c -> html.append("<li>").append(esc(c.asString())).append("</li>"));
			html.append("</ul>");
		}
		return html.append("</body></html>").toString();
	}

	private static void links(StringBuilder html, JsonNode links) {
		if (links == null) {
			return;
		}
		html.append("<ul>");
		for (JsonNode link : links) {
			html.append("<li><a href=\"").append(esc(link.path("href").asString())).append("\">")
				.append(esc(link.path("title").asString(link.path("rel").asString()))).append("</a> (")
				.append(esc(link.path("rel").asString())).append(", ").append(esc(link.path("type").asString()))
				.append(")</li>");
		}
		html.append("</ul>");
	}

	private static void features(StringBuilder html, JsonNode features) {
		html.append("<table><tr><th>id</th><th>properties</th></tr>");
		for (JsonNode feature : features) {
			html.append("<tr><td><a href=\"items/").append(esc(feature.path("id").asString())).append("?f=html\">")
				.append(esc(feature.path("id").asString())).append("</a></td><td>");
			table(html, feature.get("properties"));
			html.append("</td></tr>");
		}
		html.append("</table>");
	}

	/** The properties of a JSON Schema (queryables): name, title, type and allowed values. */
	private static void schema(StringBuilder html, JsonNode properties) {
		html.append("<table><tr><th>name</th><th>title</th><th>type</th><th>values</th></tr>");
		for (Map.Entry<String, JsonNode> entry : properties.properties()) {
			JsonNode property = entry.getValue();
			List<String> values = new ArrayList<>();
			property.path("enum").forEach(v -> values.add(v.asString()));
			html.append("<tr><td>").append(esc(entry.getKey())).append("</td><td>")
				.append(esc(property.path("title").asString())).append("</td><td>")
				.append(esc(property.path("type").asString())).append("</td><td>")
				.append(esc(String.join(", ", values))).append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void table(StringBuilder html, JsonNode properties) {
		html.append("<table>");
		for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			html.append("<tr><th>").append(esc(entry.getKey())).append("</th><td>")
				.append(esc(entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString()))
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}

}
