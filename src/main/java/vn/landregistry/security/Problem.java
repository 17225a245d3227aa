package vn.landregistry.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A problem detail (RFC 9457) written by a filter, before Spring MVC and its exception handler:
 * the same members as the API's other problems, and never a stack trace.
 */
final class Problem {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problem() {
	}

	static void write(HttpServletResponse response, String type, String title, int status, String detail, String instance)
			throws IOException {
		ObjectNode problem = JSON.createObjectNode();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", instance);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
