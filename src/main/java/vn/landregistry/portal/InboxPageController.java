package vn.landregistry.portal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.PageController;

/** The authority's enquiry inbox, the page beside {@link EnquiryController}'s API. */
@PageController
class InboxPageController {

	private final Enquiries enquiries;

	private final PortalPageModel pages;

	InboxPageController(Enquiries enquiries, PortalPageModel pages) {
		this.enquiries = enquiries;
		this.pages = pages;
	}

	/** Rendered on the server (Thymeleaf escapes every field); inbox.js answers. */
	@GetMapping("/inbox")
	String inbox(@RequestParam(required = false) String status, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		this.pages.common(model, locale, request);
		String filter = status == null || status.isBlank() ? "" : status.trim().toUpperCase(Locale.ROOT);
		try {
			model.addAttribute("enquiries", this.enquiries.inbox(filter));
		}
		catch (InvalidParameterException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("enquiries", List.of());
			model.addAttribute("problem", ex.getMessage());
		}
		model.addAttribute("status", filter);
		model.addAttribute("statuses", List.of("NEW", "ANSWERED", "CLOSED"));
		return "inbox";
	}

}
