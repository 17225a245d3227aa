package vn.landregistry.security;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;

/** Users stored in the database (app_user), passwords as bcrypt hashes. */
@Service
class RegistryUsers implements UserDetailsService {

	static final int MIN_PASSWORD = 12;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	RegistryUsers(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = lower(:u) AND deleted_at IS NULL")
			.param("u", username)
			.query((rs, row) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no user " + username));
	}

	Optional<RegistryUser> find(String username) {
		return this.jdbc.sql("""
				SELECT u.username, u.display_name, u.role,
				       coalesce(array_agg(d.unit_id) FILTER (WHERE d.unit_id IS NOT NULL), '{}') AS units
				  FROM app_user u LEFT JOIN app_user_unit d ON d.user_id = u.id
				 WHERE u.username = lower(:u) AND u.enabled
				 GROUP BY u.id""")
			.param("u", username)
			.query((rs, row) -> {
				Set<Long> units = new HashSet<>();
				for (Long id : (Long[]) rs.getArray("units").getArray()) {
					units.add(id);
				}
				return new RegistryUser(rs.getString("username"), rs.getString("display_name"),
						Role.valueOf(rs.getString("role")), Set.copyOf(units));
			})
			.optional();
	}

	boolean anyAdministrator() {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'AUTHORITY_ADMIN' AND enabled")
			.query(Long.class).single() > 0;
	}

	List<UserSummary> list() {
		return this.jdbc.sql("""
				SELECT u.username, u.display_name, u.role, u.enabled,
				       coalesce(array_agg(a.code ORDER BY a.code) FILTER (WHERE a.code IS NOT NULL), '{}') AS units
				  FROM app_user u LEFT JOIN app_user_unit d ON d.user_id = u.id
				  LEFT JOIN admin_unit a ON a.id = d.unit_id
				 WHERE u.deleted_at IS NULL
				 GROUP BY u.id ORDER BY u.username""")
			.query((rs, row) -> new UserSummary(rs.getString("username"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
					List.of((String[]) rs.getArray("units").getArray())))
			.list();
	}

	@Transactional
	UserSummary create(NewUser user) {
		String username = required("username", user.username()).toLowerCase(Locale.ROOT);
		if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
			throw new InvalidParameterException("username", user.username(),
					"username: 3 to 64 lower-case letters, digits, '.', '_' or '-'");
		}
		if (user.role() == null) {
			throw new InvalidParameterException("role", null, "role is one of AUTHORITY_ADMIN, AUTHORITY_EDITOR, DISTRICT_OFFICER");
		}
		if (user.password() == null || user.password().length() < MIN_PASSWORD) {
			throw new InvalidParameterException("password", null, "password needs at least " + MIN_PASSWORD + " characters");
		}
		List<String> units = user.unitCodes();
		if (user.role() == Role.DISTRICT_OFFICER && units.isEmpty()) {
			throw new InvalidParameterException("units", null,
					"a local officer needs one or more unit codes: communes or wards, or districts for work before 2025-07-01");
		}
		if (this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single() > 0) {
			throw new ConflictException("username_taken", "user " + username + " already exists");
		}
		long id = this.jdbc.sql("""
				INSERT INTO app_user (username, display_name, password_hash, role)
				VALUES (:u, :name, :hash, :role) RETURNING id""")
			.param("u", username)
			.param("name", user.displayName() == null || user.displayName().isBlank() ? username : user.displayName().trim())
			.param("hash", this.passwords.encode(user.password()))
			.param("role", user.role().name())
			.query(Long.class).single();
		for (String code : units) {
			int added = this.jdbc.sql("""
					INSERT INTO app_user_unit (user_id, unit_id)
					SELECT :id, a.id FROM admin_unit a WHERE a.code = upper(:code) AND a.level IN ('DISTRICT', 'COMMUNE')""")
				.param("id", id).param("code", code.trim()).update();
			if (added == 0) {
				throw new InvalidParameterException("units", code, "unknown district, commune or ward '" + code + "'");
			}
		}
		return list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
	}

	/**
	 * Disables or enables an account; a disabled one cannot sign in, and its open sessions end at
	 * their next request ({@link ActiveAccounts}). Nobody disables their own account.
	 */
	@Transactional
	UserSummary setEnabled(String username, boolean enabled, String actor) {
		String name = existing(username, actor, enabled ? "enable" : "disable");
		this.jdbc.sql("UPDATE app_user SET enabled = :enabled, version = version + 1 WHERE username = :u")
			.param("enabled", enabled).param("u", name).update();
		return list().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * Deletes an account: it can never sign in again and is no longer listed, but its row stays, so
	 * that the history naming it keeps meaning that person and the name is not given to anyone else.
	 */
	@Transactional
	void delete(String username, String actor) {
		String name = existing(username, actor, "delete");
		this.jdbc.sql("UPDATE app_user SET enabled = false, deleted_at = now(), version = version + 1 WHERE username = :u")
			.param("u", name).update();
	}

	/** Whether the account exists, is enabled and not deleted. */
	boolean active(String username) {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = lower(:u) AND enabled AND deleted_at IS NULL")
			.param("u", username).query(Long.class).single() > 0;
	}

	private String existing(String username, String actor, String what) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u AND deleted_at IS NULL").param("u", name)
			.query(Long.class).single() == 0) {
			throw new NotFoundException("no user " + username);
		}
		if (name.equals(actor)) {
			throw new ConflictException("own_account", "you may not " + what + " your own account: another administrator can");
		}
		return name;
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidParameterException(field, value, field + " is required");
		}
		return value.trim();
	}

}
