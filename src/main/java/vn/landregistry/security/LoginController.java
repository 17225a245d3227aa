package vn.landregistry.security;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/**
 * The sign-in page; Spring Security handles the POST. The page to go back to ({@code next}) rides
 * in the form when it is a path of this site (see {@link ReturnTarget}).
 */
@PageController
class LoginController {

	private final PageMessages messages;

	LoginController(PageMessages messages) {
		this.messages = messages;
	}

	@GetMapping("/login")
	String login(Model model, Locale locale, @RequestParam(name = ReturnTarget.PARAMETER, required = false) String next) {
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("next", ReturnTarget.of(next).orElse(null));
		return "login";
	}

}
