package vn.landregistry.portal;

import java.math.BigDecimal;

/**
 * A request for information from the public form. {@code website} is a honeypot: hidden from
 * people, filled in by bots.
 */
record NewEnquiry(String zone, Long plotId, String name, String organisation, String email, String phone,
		String country, BigDecimal areaNeededHa, String message, String language, String website) {
}
