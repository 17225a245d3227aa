package vn.landregistry.shared;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of this page in the other language ({@code langSwitchHref}): the same path and query,
 * only {@code lang} changed, so that switching keeps the unit, day or phase being looked at.
 */
@ControllerAdvice(annotations = PageController.class)
class LanguageSwitch {

	@ModelAttribute("langSwitchHref")
	String href(HttpServletRequest request, Locale locale) {
		String other = "en".equals(LocaleConfig.supported(locale).getLanguage()) ? "vi" : "en";
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return UriComponentsBuilder.fromPath(path).query(request.getQueryString()).replaceQueryParam("lang", other)
			.build().toUriString();
	}

}
