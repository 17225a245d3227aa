package vn.landregistry.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;

/**
 * Investors' enquiries: validated and stored as they were written (pages escape them when they
 * show them), limited per sender, bots caught by a honeypot; read and answered in the authority's
 * inbox only.
 */
@Service
class Enquiries {

	static final int MAX_MESSAGE = 4000;

	private final JdbcClient jdbc;

	private final EnquiryLimiter limiter;

	private final byte[] salt = new byte[16];

	Enquiries(JdbcClient jdbc, EnquiryLimiter limiter) {
		this.jdbc = jdbc;
		this.limiter = limiter;
		new SecureRandom().nextBytes(this.salt);
	}

	/** Stores an enquiry; false when the honeypot caught a bot (answered as if stored). */
	@Transactional
	boolean receive(NewEnquiry enquiry, String senderAddress) {
		String sender = hash(senderAddress);
		long wait = this.limiter.tryAcquire(sender);
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		if (enquiry.website() != null && !enquiry.website().isBlank()) {
			return false;
		}
		String name = text("name", enquiry.name(), 200, true);
		String email = text("email", enquiry.email(), 254, true);
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidParameterException("email", email, InvalidParameterException.FORMAT, "email '" + email + "' is not an e-mail address");
		}
		String message = text("message", enquiry.message(), MAX_MESSAGE, true);
		String country = text("country", enquiry.country(), 2, false);
		if (country != null && !country.toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
			throw new InvalidParameterException("country", country, InvalidParameterException.FORMAT,
					"country is a two-letter ISO code, e.g. KR, JP, DE");
		}
		if (enquiry.areaNeededHa() != null && enquiry.areaNeededHa().signum() <= 0) {
			throw new InvalidParameterException("areaNeededHa", enquiry.areaNeededHa().toPlainString(),
					InvalidParameterException.RANGE, "areaNeededHa must be above 0");
		}
		long zoneId = zoneOf(enquiry);
		this.jdbc.sql("""
				INSERT INTO enquiry (zone_id, plot_id, name, organisation, email, phone, country, area_needed_ha, message,
				                     language, sender_hash)
				VALUES (:zone, :plot, :name, :organisation, :email, :phone, :country, :area, :message, :language, :sender)""")
			.param("zone", zoneId).param("plot", enquiry.plotId()).param("name", name)
			.param("organisation", text("organisation", enquiry.organisation(), 200, false)).param("email", email)
			.param("phone", text("phone", enquiry.phone(), 40, false))
			.param("country", country == null ? null : country.toUpperCase(Locale.ROOT))
			.param("area", enquiry.areaNeededHa()).param("message", message)
			.param("language", "en".equalsIgnoreCase(enquiry.language()) ? "en" : "vi").param("sender", sender)
			.update();
		return true;
	}

	List<Map<String, Object>> inbox(String status) {
		String filter = status == null || status.isBlank() ? "" : " WHERE e.status = :status";
		if (!filter.isEmpty() && !List.of("NEW", "ANSWERED", "CLOSED").contains(status.toUpperCase(Locale.ROOT))) {
			throw new InvalidParameterException("status", status, "status is NEW, ANSWERED or CLOSED");
		}
		return this.jdbc.sql("""
				SELECT e.id, e.status, e.created_at AS "receivedAt", e.name, e.organisation, e.email, e.phone, e.country,
				       e.area_needed_ha AS "areaNeededHa", e.message, e.language, e.answer_note AS "answerNote",
				       z.code AS zone, z.name_vi AS "zoneName", p.id AS "plotId", p.code AS plot, e.version
				  FROM enquiry e JOIN zone z ON z.id = e.zone_id LEFT JOIN plot p ON p.id = e.plot_id"""
				+ filter + " ORDER BY e.created_at DESC, e.id DESC")
			.param("status", status == null ? "" : status.toUpperCase(Locale.ROOT)).query().listOfRows();
	}

	@Transactional
	void update(long id, EnquiryUpdate update) {
		String status = update.status() == null ? null : update.status().toUpperCase(Locale.ROOT);
		if (status != null && !List.of("NEW", "ANSWERED", "CLOSED").contains(status)) {
			throw new InvalidParameterException("status", update.status(), "status is NEW, ANSWERED or CLOSED");
		}
		if (update.version() == null) {
			throw new InvalidParameterException("version", null, "version is required");
		}
		int changed = this.jdbc.sql("""
				UPDATE enquiry SET status = coalesce(:status, status), answer_note = coalesce(:note, answer_note),
				       version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("status", status).param("note", update.answerNote()).param("id", id).param("version", update.version())
			.update();
		if (changed == 0) {
			long exists = this.jdbc.sql("SELECT count(*) FROM enquiry WHERE id = :id").param("id", id).query(Long.class).single();
			if (exists == 0) {
				throw new NotFoundException("no enquiry " + id);
			}
			throw new ConflictException("stale_version", "enquiry " + id + " was changed by someone else; reload it");
		}
	}

	private long zoneOf(NewEnquiry enquiry) {
		if (enquiry.plotId() != null) {
			return this.jdbc.sql("""
					SELECT p.zone_id FROM public_plot p WHERE p.id = :id""")
				.param("id", enquiry.plotId()).query(Long.class).optional()
				.orElseThrow(() -> new InvalidParameterException("plotId", String.valueOf(enquiry.plotId()),
						InvalidParameterException.UNKNOWN, "unknown plot " + enquiry.plotId()));
		}
		String zone = text("zone", enquiry.zone(), 100, true);
		return this.jdbc.sql("SELECT id FROM public_zone WHERE code = upper(:code)")
			.param("code", zone).query(Long.class).optional()
			.orElseThrow(() -> new InvalidParameterException("zone", zone, InvalidParameterException.UNKNOWN, "unknown zone '" + zone + "'"));
	}

	private static String text(String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidParameterException(field, value, InvalidParameterException.REQUIRED,
						field + " is required");
			}
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			throw new InvalidParameterException(field, trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed,
					InvalidParameterException.TOO_LONG, field + " is too long: " + trimmed.length() + " characters, at most " + max);
		}
		return trimmed;
	}

	private String hash(String address) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt);
			return HexFormat.of().formatHex(digest.digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
