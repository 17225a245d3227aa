package vn.landregistry.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.landregistry.security.CurrentUser;
import vn.landregistry.security.RegistryUser;
import vn.landregistry.shared.PageController;

/**
 * The number of enquiries nobody has answered yet, for the inbox link of the staff header
 * ({@code unreadEnquiries}): counted for the authority only, whose inbox it is; null for others.
 */
@ControllerAdvice(annotations = PageController.class)
class UnreadEnquiries {

	private final CurrentUser current;

	private final JdbcClient jdbc;

	UnreadEnquiries(CurrentUser current, JdbcClient jdbc) {
		this.current = current;
		this.jdbc = jdbc;
	}

	@ModelAttribute("unreadEnquiries")
	Long unread() {
		return this.current.get()
			.filter(RegistryUser::isAuthority)
			.map(user -> this.jdbc.sql("SELECT count(*) FROM enquiry WHERE status = 'NEW'").query(Long.class).single())
			.orElse(null);
	}

}
