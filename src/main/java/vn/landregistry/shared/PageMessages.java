package vn.landregistry.shared;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** Every message of the page's language, for scripts that build labels in the browser. */
@Component
public class PageMessages {

	public Map<String, String> forLocale(Locale locale) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", LocaleConfig.supported(locale),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> messages = new TreeMap<>();
		bundle.keySet().forEach(key -> messages.put(key, bundle.getString(key)));
		return messages;
	}

}
