package vn.landregistry.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Strict parsing of list-valued query parameters such as {@code kind=KCN,CCN}. */
public final class Parameters {

	private Parameters() {
	}

	/** Comma-separated enum names, case-insensitive; empty set when absent. */
	public static <E extends Enum<E>> Set<E> enums(String parameter, String text, Class<E> type) {
		return enums(parameter, text, type, "one or more of ");
	}

	private static <E extends Enum<E>> Set<E> enums(String parameter, String text, Class<E> type, String expected) {
		Set<E> result = EnumSet.noneOf(type);
		for (String item : items(text)) {
			try {
				result.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidParameterException(parameter, text, InvalidParameterException.UNKNOWN,
						"unknown " + parameter + " '" + item + "'; expected " + expected + names(type.getEnumConstants()));
			}
		}
		return result;
	}

	/** Exactly one enum name, case-insensitive; {@code fallback} when absent. */
	public static <E extends Enum<E>> E oneEnum(String parameter, String text, Class<E> type, E fallback) {
		Set<E> values = enums(parameter, text, type, "one of ");
		if (values.isEmpty()) {
			return fallback;
		}
		if (values.size() > 1 || text.contains(",")) {
			throw new InvalidParameterException(parameter, text, InvalidParameterException.FORMAT,
					parameter + " takes one value, one of " + names(type.getEnumConstants()));
		}
		return values.iterator().next();
	}

	/** Comma-separated codes that must each be one of {@code allowed}; empty set when absent. */
	public static Set<String> codes(String parameter, String text, Set<String> allowed) {
		Set<String> result = new LinkedHashSet<>();
		for (String item : items(text)) {
			String code = item.toUpperCase(Locale.ROOT);
			if (!allowed.contains(code)) {
				String expected = allowed.size() <= 12 ? "one or more of " + String.join(", ", allowed)
						: "a code the registry knows (" + allowed.size() + " " + parameter + "s; see the API's list)";
				throw new InvalidParameterException(parameter, text, InvalidParameterException.UNKNOWN,
						"unknown " + parameter + " '" + item + "'; expected " + expected);
			}
			result.add(code);
		}
		return result;
	}

	/** The comma-separated items of a parameter, trimmed, without empty ones; empty set when absent. */
	public static Set<String> items(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
	}

}
