package vn.landregistry.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.landregistry.shared.PageController;

/**
 * Every page knows who is signed in ({@code user}: null for the public), to show the sign-in link
 * or the user's name, and the forms the user may use; and its own address ({@code here}: path and
 * query), for the sign-in link to come back to.
 */
@ControllerAdvice(annotations = PageController.class)
class PageUser {

	private final CurrentUser current;

	private final JdbcClient jdbc;

	PageUser(CurrentUser current, JdbcClient jdbc) {
		this.current = current;
		this.jdbc = jdbc;
	}

	/** What a page may show of the user: never the password hash. */
	record View(String username, String displayName, Role role, boolean authority, List<String> units) {
	}

	@ModelAttribute("user")
	View user() {
		return this.current.get().map(u -> new View(u.username(), u.displayName(), u.role(), u.isAuthority(),
				u.unitIds().isEmpty() ? List.of()
						: this.jdbc.sql("SELECT code FROM admin_unit WHERE id IN (:ids) ORDER BY code")
							.param("ids", u.unitIds()).query(String.class).list()))
			.orElse(null);
	}

	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
	}

}
