package vn.landregistry.shared;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Column titles of a downloaded table in the language of the page it was downloaded from, the
 * same words as the page's table headers ({@code stats.col.*}; {@code export.col.*} for the
 * columns a page does not show, or names differently). Without a language, files keep the field
 * names of the JSON, for scripts.
 */
@Component
public class ColumnTitles {

	private final MessageSource messages;

	ColumnTitles(MessageSource messages) {
		this.messages = messages;
	}

	/** Field name to title in {@code lang} (vi or en); the field names themselves when lang is absent. */
	public UnaryOperator<String> in(String lang) {
		if (lang == null || lang.isBlank()) {
			return UnaryOperator.identity();
		}
		Locale locale = LocaleConfig.SUPPORTED.stream()
			.filter(l -> l.getLanguage().equalsIgnoreCase(lang.trim()))
			.findFirst()
			.orElseThrow(() -> new InvalidParameterException("lang", lang, "lang must be vi or en"));
		return field -> this.messages.getMessage("export.col." + field, null,
				this.messages.getMessage("stats.col." + field, null, field, locale), locale);
	}

}
