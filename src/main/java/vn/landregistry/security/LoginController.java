package vn.landregistry.security;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.landregistry.shared.PageMessages;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	private final PageMessages messages;

	LoginController(PageMessages messages) {
		this.messages = messages;
	}

	@GetMapping("/login")
	String login(Model model, Locale locale) {
		model.addAttribute("messages", this.messages.forLocale(locale));
		return "login";
	}

}
