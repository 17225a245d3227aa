package vn.landregistry.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** Every message of the page's language, for scripts that build labels in the browser. */
@Component
public class PageMessages {

	/** The bundles, as in spring.messages.basename: the registry's pages, and the investor portal's. */
	static final List<String> BUNDLES = List.of("messages", "portal");

	public Map<String, String> forLocale(Locale locale) {
		Map<String, String> messages = new TreeMap<>();
		for (String name : BUNDLES) {
			ResourceBundle bundle = ResourceBundle.getBundle(name, LocaleConfig.supported(locale),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
			bundle.keySet().forEach(key -> messages.put(key, bundle.getString(key)));
		}
		return messages;
	}

}
