package vn.landregistry.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Users for tests, one per role, with one password (hashed once: bcrypt is slow on purpose).
 * The district officer answers for no district until bound to one.
 */
public final class TestUsers {

	public static final String PASSWORD = "test-password-123";

	public static final String ADMIN = "t-admin";

	public static final String EDITOR = "t-editor";

	public static final String OFFICER = "t-officer";

	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private TestUsers() {
	}

	/** Creates (or recreates) the three test users; the officer has no district until {@link #bindOfficer}. */
	public static void create(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM app_user WHERE username IN ('t-admin', 't-editor', 't-officer')").update();
		for (String[] user : new String[][] { { ADMIN, "AUTHORITY_ADMIN" }, { EDITOR, "AUTHORITY_EDITOR" },
				{ OFFICER, "DISTRICT_OFFICER" } }) {
			jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role) VALUES (:u, :u, :h, :r)")
				.param("u", user[0]).param("h", HASH).param("r", user[1]).update();
		}
	}

	/** The local officer answers for {@code unit} (a code of a district, commune or ward) from now on. */
	public static void bindOfficer(JdbcClient jdbc, String unit) {
		jdbc.sql("""
				INSERT INTO app_user_unit (user_id, unit_id)
				SELECT u.id, d.id FROM app_user u, admin_unit d WHERE u.username = 't-officer' AND d.code = :d""")
			.param("d", unit).update();
	}

}
