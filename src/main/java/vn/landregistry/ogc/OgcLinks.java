package vn.landregistry.ogc;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.landregistry.shared.GeoJson;

/**
 * The links and descriptions of the service's documents (pg_featureserv keeps them apart from its
 * handlers too): every href is absolute, from the current request's context path.
 */
final class OgcLinks {

	static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

	static final String SCHEMA_JSON = "application/schema+json";

	private OgcLinks() {
	}

	static void landing(ArrayNode links) {
		String base = base();
		link(links, base + "/ogc", "self", "application/json", "This document");
		link(links, base + "/ogc?f=html", "alternate", "text/html", "This document as HTML");
		link(links, base + "/v3/api-docs", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition");
		link(links, base + "/swagger-ui", "service-doc", "text/html", "The API documentation");
		link(links, base + "/ogc/conformance", "conformance", "application/json", "Conformance classes");
		link(links, base + "/ogc/collections", "data", "application/json", "The collections");
	}

	static void collections(ArrayNode links) {
		link(links, base() + "/ogc/collections", "self", "application/json", "This document");
		link(links, base() + "/ogc/collections?f=html", "alternate", "text/html", "This document as HTML");
	}

	/** A collection as /ogc/collections lists it; {@code extent} (CRS84) is null for an empty one. */
	static void describe(ObjectNode node, OgcCollection collection, double[] extent) {
		node.put("id", collection.id()).put("title", collection.title())
			.put("description", collection.description()).put("itemType", "feature");
		ArrayNode crs = node.putArray("crs");
		for (OgcCrs one : OgcCrs.values()) {
			crs.add(one.uri());
		}
		node.put("storageCrs", OgcCrs.CRS84.uri());
		if (extent != null) {
			ObjectNode spatial = node.putObject("extent").putObject("spatial");
			ArrayNode box = spatial.putArray("bbox").addArray();
			for (double v : extent) {
				box.add(v);
			}
			spatial.put("crs", OgcCrs.CRS84.uri());
		}
		String self = collection(collection.id());
		ArrayNode links = node.putArray("links");
		link(links, self, "self", "application/json", "This collection");
		link(links, self + "?f=html", "alternate", "text/html", "This collection as HTML");
		link(links, self + "/items", "items", GeoJson.MEDIA_TYPE_VALUE, "Its features");
		link(links, self + "/items?f=html", "items", "text/html", "Its features as HTML");
		link(links, self + "/queryables", QUERYABLES_REL, SCHEMA_JSON, "The properties its features may be filtered on");
		link(links, self + "/queryables?f=html", QUERYABLES_REL, "text/html", "The same as HTML");
	}

	/** The links of a page of {@code items} ({@code rest}: its other parameters); next and prev where there are such pages. */
	static void page(ArrayNode links, String collectionId, String items, String rest, int limit, long offset, long returned,
			long matched) {
		link(links, items + "?offset=" + offset + "&limit=" + limit + rest, "self", GeoJson.MEDIA_TYPE_VALUE, "This page");
		link(links, items + "?offset=" + offset + "&limit=" + limit + rest + "&f=html", "alternate", "text/html",
				"This page as HTML");
		if (offset + returned < matched) {
			link(links, items + "?offset=" + (offset + limit) + "&limit=" + limit + rest, "next", GeoJson.MEDIA_TYPE_VALUE,
					"Next page");
		}
		if (offset > 0) {
			link(links, items + "?offset=" + Math.max(0, offset - limit) + "&limit=" + limit + rest, "prev",
					GeoJson.MEDIA_TYPE_VALUE, "Previous page");
		}
		link(links, collection(collectionId), "collection", "application/json", "The collection");
	}

	static void feature(ArrayNode links, String self, String collectionId) {
		link(links, self, "self", GeoJson.MEDIA_TYPE_VALUE, "This feature");
		link(links, self + "?f=html", "alternate", "text/html", "This feature as HTML");
		link(links, collection(collectionId), "collection", "application/json", "The collection");
	}

	static void queryables(ArrayNode links, String self, String collectionId) {
		link(links, self, "self", SCHEMA_JSON, "This document as JSON Schema");
		link(links, collection(collectionId) + "?f=html", "collection", "text/html", "The collection");
	}

	static String collection(String id) {
		return base() + "/ogc/collections/" + id;
	}

	private static void link(ArrayNode links, String href, String rel, String type, String title) {
		links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}
