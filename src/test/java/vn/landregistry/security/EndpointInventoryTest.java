package vn.landregistry.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the application serves, with who may call it. A route missing here fails the build
 * (the message gives the line to add), and each line is tried as the anonymous public, a district
 * officer, an authority editor and an administrator, so that the rules in {@link SecurityConfig}
 * and this list cannot drift apart. Path variables are filled with ids and codes that do not
 * exist and bodies are empty: nothing is written, an allowed call ends in 400/404/405/409/412/415/422.
 */
class EndpointInventoryTest extends PostgisTest {

	/** Who may call a route: everyone, anyone signed in, officers and the authority, the authority, its administrators. */
	enum Access {

		PUBLIC, SIGNED_IN, OFFICER, AUTHORITY, ADMIN

	}

	static final String INVENTORY = """
			# pages
			GET / PUBLIC
			GET /login PUBLIC
			GET /portal PUBLIC
			GET /portal/plots/{id} PUBLIC
			GET /portal/zones/{code} PUBLIC
			GET /portal/compare PUBLIC
			GET /portal/plots/{id}/preview.png PUBLIC
			GET /portal/zones/{code}/preview.png PUBLIC
			GET /robots.txt PUBLIC
			GET /sitemap.xml PUBLIC
			GET /stats PUBLIC
			GET /clearance PUBLIC
			GET /edit AUTHORITY
			GET /import AUTHORITY
			GET /inbox AUTHORITY
			GET /error PUBLIC
			# zones, plots and their drafts and history
			GET /api/zones PUBLIC
			GET /api/zones/{id} PUBLIC
			GET /api/zones/{id}/draft AUTHORITY
			GET /api/zones/{id}/history SIGNED_IN
			POST /api/zones AUTHORITY
			PATCH /api/zones/{id} AUTHORITY
			DELETE /api/zones/{id} AUTHORITY
			DELETE /api/zones/{id}/draft AUTHORITY
			POST /api/zones/{id}/publish AUTHORITY
			POST /api/zones/{id}/restore AUTHORITY
			POST /api/zones/{zoneId}/plots AUTHORITY
			GET /api/plots PUBLIC
			GET /api/plots/{id} PUBLIC
			GET /api/plots/{id}/draft AUTHORITY
			GET /api/plots/{id}/history SIGNED_IN
			PATCH /api/plots/{id} AUTHORITY
			DELETE /api/plots/{id} AUTHORITY
			DELETE /api/plots/{id}/draft AUTHORITY
			POST /api/plots/{id}/publish AUTHORITY
			POST /api/plots/{id}/restore AUTHORITY
			POST /api/plots/{id}/split AUTHORITY
			POST /api/plots/merge AUTHORITY
			POST /api/plots/{plotId}/leases AUTHORITY
			# land clearance: officers record steps (the service checks their unit)
			GET /api/clearance PUBLIC
			GET /api/clearance/{id} PUBLIC
			GET /api/clearance/{id}/history SIGNED_IN
			POST /api/clearance AUTHORITY
			POST /api/clearance/{id}/events OFFICER
			# units, plans, statistics
			GET /api/units PUBLIC
			GET /api/units/{code} PUBLIC
			GET /api/districts PUBLIC
			GET /api/plan-targets PUBLIC
			GET /api/stats/clearance PUBLIC
			GET /api/stats/clearance/series PUBLIC
			GET /api/stats/fill-rate PUBLIC
			GET /api/stats/fill-rate/series PUBLIC
			GET /api/stats/plan-progress PUBLIC
			GET /api/stats/reported PUBLIC
			# investors' portal and the authority's inbox
			GET /api/portal/land PUBLIC
			GET /api/portal/land/export PUBLIC
			GET /api/portal/land/suggestions PUBLIC
			GET /api/portal/plots/{id} PUBLIC
			GET /api/portal/zones/{code} PUBLIC
			POST /api/portal/enquiries PUBLIC
			GET /api/enquiries AUTHORITY
			PATCH /api/enquiries/{id} AUTHORITY
			# exports and imports
			GET /api/exports/{layer} PUBLIC
			GET /api/imports AUTHORITY
			POST /api/imports AUTHORITY
			GET /api/imports/{id} AUTHORITY
			DELETE /api/imports/{id} AUTHORITY
			GET /api/imports/{id}/features AUTHORITY
			PUT /api/imports/{id}/mapping AUTHORITY
			POST /api/imports/{id}/commit AUTHORITY
			# accounts
			GET /api/users/me SIGNED_IN
			GET /api/users ADMIN
			POST /api/users ADMIN
			PATCH /api/users/{username} ADMIN
			DELETE /api/users/{username} ADMIN
			# open map services
			GET /tiles PUBLIC
			GET /tiles/{layer}.json PUBLIC
			GET /tiles/{layer}/{z}/{x}/{y}.mvt PUBLIC
			GET /basemap/{z}/{x}/{y} PUBLIC
			GET /ogc PUBLIC
			GET /ogc/conformance PUBLIC
			GET /ogc/collections PUBLIC
			GET /ogc/collections/{id} PUBLIC
			GET /ogc/collections/{id}/items PUBLIC
			GET /ogc/collections/{id}/items/{fid} PUBLIC
			GET /ogc/collections/{id}/queryables PUBLIC
			# API description and operations
			GET /v3/api-docs PUBLIC
			GET /v3/api-docs.yaml PUBLIC
			GET /v3/api-docs/swagger-config PUBLIC
			GET /swagger-ui PUBLIC
			GET /actuator PUBLIC
			GET /actuator/health PUBLIC
			GET /actuator/health/** PUBLIC
			GET /actuator/info PUBLIC
			""";

	@Autowired
	ApplicationContext context;

	@Test
	void everyRouteIsListedWithItsAccess() {
		Set<String> served = routes();
		Map<String, Access> listed = inventory();
		List<String> missing = served.stream().filter(route -> !listed.containsKey(route)).toList();
		assertThat(missing).as("routes without an access rule in EndpointInventoryTest.INVENTORY; add lines like:%n%s",
				String.join("\n", missing.stream().map(route -> route + " PUBLIC|SIGNED_IN|OFFICER|AUTHORITY|ADMIN").toList()))
			.isEmpty();
		assertThat(listed.keySet()).as("listed routes that the application no longer serves").isSubsetOf(served);
	}

	@Test
	void everyRouteAnswersEachKindOfCallerAsListed() {
		List<String> wrong = new ArrayList<>();
		inventory().forEach((route, access) -> {
			String method = route.substring(0, route.indexOf(' '));
			String path = concrete(route.substring(route.indexOf(' ') + 1));
			check(wrong, route, "anonymous", call(this.http, method, path), access == Access.PUBLIC);
			check(wrong, route, "officer", call(this.officer, method, path), access.compareTo(Access.OFFICER) <= 0);
			check(wrong, route, "editor", call(this.editor, method, path), access.compareTo(Access.AUTHORITY) <= 0);
			check(wrong, route, "admin", call(this.admin, method, path), true);
		});
		assertThat(wrong).isEmpty();
	}

	/** Refused: 401 (API), 403, or sent to sign in (pages). */
	private static void check(List<String> wrong, String route, String caller, Http.Response response, boolean allowed) {
		int status = response.status();
		boolean refused = status == 401 || status == 403
				|| status == 302 && response.location() != null && response.location().contains("/login");
		if (refused == allowed) {
			wrong.add(route + " as " + caller + ": " + status + (allowed ? " (should be allowed)" : " (should be refused)"));
		}
	}

	private static Http.Response call(Http client, String method, String path) {
		Http.Response response = method.equals("GET") ? client.get(path)
				: client.send(method, path, method.equals("DELETE") ? null : "{}");
		assertThat(response.status()).as(method + " " + path + ": no server error").isLessThan(500);
		return response;
	}

	/** Ids and codes that no record has, so that an allowed call finds nothing to change. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{(id|zoneId|plotId|changeId|phaseId)}", "999999999")
			.replaceAll("\\{z}|\\{x}|\\{y}", "0")
			.replaceAll("\\{[^}]+}", "NO-SUCH-CODE")
			.replace("/**", "/no-such-file");
	}

	/** "METHOD /path" of every handler mapping (controllers, error page, OpenAPI, actuator). */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String path : info.getPatternValues()) {
					if (methods.isEmpty()) {
						routes.add("GET " + path);
					}
					methods.forEach(method -> routes.add(method + " " + path));
				}
			}
		}
		return routes;
	}

	private static Map<String, Access> inventory() {
		Map<String, Access> routes = new TreeMap<>();
		INVENTORY.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
			int last = line.lastIndexOf(' ');
			routes.put(line.substring(0, last).strip(), Access.valueOf(line.substring(last + 1)));
		});
		return routes;
	}

}
