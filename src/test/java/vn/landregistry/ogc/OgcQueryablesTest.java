package vn.landregistry.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Queryables (OGC API – Features Part 3): each collection's JSON Schema lists exactly the filters
 * its items take, each of them filters, nothing else is taken, and the allowed values are the
 * database's. Also sortby on the same properties.
 */
class OgcQueryablesTest extends PostgisTest {

	static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

	@Test
	void everyCollectionLinksItsQueryablesAsJsonSchema() {
		assertThat(this.http.get("/ogc/conformance").json().get("conformsTo").toString()).contains(
				"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
				"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters");
		for (OgcCollection collection : new OgcCollections().all()) {
			JsonNode description = this.http.get("/ogc/collections/" + collection.id()).json();
			String href = null;
			for (JsonNode link : description.get("links")) {
				if (link.get("rel").asString().equals(REL) && link.get("type").asString().equals("application/schema+json")) {
					href = link.get("href").asString();
				}
			}
			assertThat(href).as(collection.id()).endsWith("/ogc/collections/" + collection.id() + "/queryables");
			Http.Response response = this.http.get(href.replaceFirst("^http://[^/]+", ""));
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.contentType()).startsWith("application/schema+json");
			JsonNode schema = response.json();
			assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
			assertThat(schema.get("$id").asString()).isEqualTo(href);
			assertThat(schema.get("type").asString()).isEqualTo("object");
			assertThat(schema.get("title").asString()).isNotBlank();
			List<String> names = new ArrayList<>();
			schema.get("properties").properties().forEach(p -> {
				names.add(p.getKey());
				assertThat(p.getValue().get("type").asString()).isEqualTo("string");
				assertThat(p.getValue().get("title").asString()).isNotBlank();
			});
			assertThat(names).as(collection.id()).containsExactlyElementsOf(collection.queryableNames()).isNotEmpty();
		}
	}

	@Test
	void everyQueryableFiltersTheItemsAndNothingElseIsTaken() {
		for (String id : OgcFeaturesTest.COLLECTIONS) {
			JsonNode schema = this.http.get("/ogc/collections/" + id + "/queryables").json();
			JsonNode features = this.http.get("/ogc/collections/" + id + "/items?limit=10000").json().get("features");
			JsonNode sample = features.get(0);
			schema.get("properties").properties().forEach(p -> {
				String name = p.getKey();
				String value = null;
				for (JsonNode feature : features) {
					if (value == null && !feature.get("properties").path(name).isNull()) {
						value = feature.get("properties").get(name).asString();
					}
				}
				assertThat(value).as("%s: some feature has %s", id, name).isNotNull();
				JsonNode page = this.http.get("/ogc/collections/" + id + "/items?limit=10000&" + name + "=" + enc(value)).json();
				assertThat(page.get("numberMatched").asLong()).as("%s %s=%s", id, name, value).isPositive();
				String expected = value;
				assertThat(page.get("features")).allSatisfy(
						f -> assertThat(f.get("properties").get(name).asString()).as("%s %s", id, name).isEqualTo(expected));
				if (p.getValue().has("enum")) {
					assertProblem(this.http.get("/ogc/collections/" + id + "/items?" + name + "=NO_SUCH_VALUE"), 400, null,
							name + " is one of");
				}
			});
			// a property of the features that is not a queryable is refused, as is any other name
			sample.get("properties").properties().forEach(p -> {
				if (!schema.get("properties").has(p.getKey())) {
					assertProblem(this.http.get("/ogc/collections/" + id + "/items?" + p.getKey() + "=x"), 400, null,
							"unknown parameter '" + p.getKey() + "'");
				}
			});
			assertProblem(this.http.get("/ogc/collections/" + id + "/items?colour=red"), 400, null, "unknown parameter 'colour'");
		}
	}

	/**
	 * The allowed values of each queryable are exactly those its column's CHECK constraint allows; a
	 * collection read from a view takes the constraint of the table column behind it.
	 */
	@Test
	void enumerationsAreTheDatabaseCheckConstraints() {
		int compared = 0;
		for (OgcCollection collection : new OgcCollections().all()) {
			for (OgcQueryable queryable : collection.queryables()) {
				if (queryable.values().isEmpty()) {
					continue;
				}
				assertThat(queryable.column()).startsWith("t.");
				String column = queryable.column().substring(2);
				List<String> checks = this.jdbc.sql("""
						SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
						WHERE c.contype = 'c'
						  AND c.conrelid IN (SELECT CAST(:table AS regclass)
						                     UNION SELECT CAST(u.table_name AS regclass) FROM information_schema.view_column_usage u
						                      WHERE u.view_name = :table AND u.column_name = :column)
						  AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = c.conrelid AND attname = :column)]""")
					.param("table", collection.table()).param("column", column).query(String.class).list();
				Set<String> allowed = new HashSet<>();
				for (String check : checks) {
					Matcher quoted = Pattern.compile("'([^']*)'::text").matcher(check);
					while (quoted.find()) {
						allowed.add(quoted.group(1));
					}
				}
				assertThat(new HashSet<>(queryable.values())).as("%s.%s", collection.table(), column).isEqualTo(allowed);
				compared++;
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(5);
	}

	@Test
	void queryablesAlsoComeAsHtml() {
		Http.Response html = this.http.get("/ogc/collections/zones/queryables?f=html");
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.contentType()).startsWith("text/html");
		assertThat(html.body()).contains("<td>planStatus</td>", "MERGED_INTO_KCN", "/ogc/collections/zones/queryables\"");
		assertThat(this.http.get("/ogc/collections/zones/queryables?f=xml").status()).isEqualTo(400);
		assertThat(this.http.get("/ogc/collections/roads/queryables").status()).isEqualTo(404);
	}

	@Test
	void sortbyOrdersPagesByQueryables() {
		List<String> ascending = codes("/ogc/collections/zones/items?limit=1000&sortby=code");
		List<String> byCode = this.jdbc.sql("SELECT code FROM zone WHERE published AND deleted_at IS NULL ORDER BY code")
			.query(String.class).list();
		assertThat(ascending).hasSizeGreaterThan(3).isEqualTo(byCode);
		List<String> descending = new ArrayList<>(ascending);
		Collections.reverse(descending);
		assertThat(codes("/ogc/collections/zones/items?limit=1000&sortby=-code")).isEqualTo(descending);
		// "+" arrives as a space when not percent-encoded: both mean ascending
		assertThat(codes("/ogc/collections/zones/items?limit=1000&sortby=%2Bcode"))
			.isEqualTo(codes("/ogc/collections/zones/items?limit=1000&sortby=+code")).isEqualTo(ascending);
		// paging in that order still returns every feature once
		Set<String> seen = new HashSet<>();
		int total = this.http.get("/ogc/collections/plots/items?limit=1").json().get("numberMatched").asInt();
		for (int offset = 0; offset < total; offset += 7) {
			this.http.get("/ogc/collections/plots/items?limit=7&sortby=landUse,-zone&offset=" + offset).json().get("features")
				.forEach(f -> assertThat(seen.add(f.get("id").asString())).isTrue());
		}
		assertThat(seen).hasSize(total);
		assertProblem(this.http.get("/ogc/collections/zones/items?sortby=name"), 400, null, "cannot sort by 'name'");
	}

	private List<String> codes(String path) {
		List<String> codes = new ArrayList<>();
		this.http.get(path).json().get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
