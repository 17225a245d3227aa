package vn.landregistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.ThrowAwayCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gis/db backup} and {@code gis/db restore} round trip on a cluster of their own: the
 * migrations and the demo data, a checksum of every table (and sequence), a backup, changes and
 * deletions, a restore, and the same checksums again. A restore that fails (not an archive) or
 * that would cut off connected clients leaves the registry database as it was.
 */
class BackupRestoreTest {

	static final ThrowAwayCluster DB = ThrowAwayCluster.start("backup");

	/** The tables this round trip must hold with rows (every table of the schema is compared). */
	static final List<String> MAIN_TABLES = List.of("zone", "plot", "lease", "clearance_phase", "clearance_event",
			"change_history", "app_user", "admin_unit", "plan_target", "flyway_schema_history");

	@AfterAll
	static void destroy() {
		DB.destroy();
	}

	@Test
	void backupThenRestoreGivesBackEveryRow() throws Exception {
		Flyway.configure()
			.dataSource(DB.jdbcUrl(), DB.username(), "")
			.locations("filesystem:migrations", "filesystem:gis/demo")
			.load()
			.migrate();
		sql("INSERT INTO app_user (username, display_name, password_hash, role) "
				+ "VALUES ('backup-test', 'Backup test', '$2a$04$abcdefghijklmnopqrstuu', 'AUTHORITY_EDITOR')");
		Map<String, String> before = checksums();
		for (String table : MAIN_TABLES) {
			assertThat(rows(table)).as(table + " has rows to back up").isPositive();
		}

		Path file = DB.dataDir().resolveSibling(DB.dataDir().getFileName() + "-registry.dump");
		ThrowAwayCluster.Result backup = DB.gisDb("backup", file.toString()).requireSuccess();
		assertThat(backup.output()).contains(file.toString());
		assertThat(Files.size(file)).isPositive();
		Path byDefault = Path.of(DB.gisDb("backup").requireSuccess().output().strip().lines()
			.reduce((first, last) -> last).orElseThrow());
		assertThat(byDefault.getFileName().toString()).matches("registry-\\d{8}T\\d{6}Z\\.dump");
		assertThat(byDefault).isRegularFile();
		Files.delete(byDefault);

		// Changes after the backup: an edit, a deletion, a new row (each with its history row).
		sql("UPDATE zone SET name_vi = name_vi || ' (sửa)' WHERE id = (SELECT min(id) FROM zone)");
		sql("DELETE FROM lease WHERE id = (SELECT min(id) FROM lease)");
		sql("DELETE FROM app_user WHERE username = 'backup-test'");
		Map<String, String> changed = checksums();
		assertThat(changed).isNotEqualTo(before);

		// A file that is not an archive: refused, nothing touched.
		Path junk = DB.dataDir().resolveSibling(DB.dataDir().getFileName() + "-junk.dump");
		Files.writeString(junk, "not a dump");
		assertThat(DB.gisDb("restore", junk.toString()).status()).isNotZero();
		assertThat(checksums()).isEqualTo(changed);

		// A client connected to the registry database: refused without --force, nothing touched.
		try (Connection open = connect("registry")) {
			ThrowAwayCluster.Result refused = DB.gisDb("restore", file.toString());
			assertThat(refused.status()).isNotZero();
			assertThat(refused.output()).contains("--force");
			assertThat(open.isValid(2)).isTrue();
		}
		assertThat(checksums()).isEqualTo(changed);

		DB.gisDb("restore", file.toString()).requireSuccess();
		assertThat(checksums()).isEqualTo(before);

		// The database replaced is kept under another name, as it was.
		String kept;
		try (Connection c = connect("postgres"); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'registry_before_%'")) {
			assertThat(rs.next()).isTrue();
			kept = rs.getString(1);
		}
		assertThat(checksums(kept)).isEqualTo(changed);

		// --force closes the connections of the running clients, which then reconnect to the restored one.
		try (Connection open = connect("registry")) {
			sql("DELETE FROM lease WHERE id = (SELECT max(id) FROM lease)");
			Thread.sleep(1100); // the next kept database gets another name (seconds in it)
			DB.gisDb("restore", "--force", file.toString()).requireSuccess();
			assertThat(open.isValid(2)).as("the old connection was closed").isFalse();
		}
		assertThat(checksums()).isEqualTo(before);
		Files.deleteIfExists(file);
		Files.deleteIfExists(junk);
	}

	private static Map<String, String> checksums() throws SQLException {
		return checksums("registry");
	}

	/** md5 of the rows of every table of the public schema (sorted), and of the sequences' values. */
	private static Map<String, String> checksums(String database) throws SQLException {
		Map<String, String> sums = new TreeMap<>();
		try (Connection c = connect(database); Statement s = c.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
					+ "AND tablename <> 'spatial_ref_sys' ORDER BY 1")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \""
						+ table + "\" t")) {
					rs.next();
					sums.put(table, rs.getString(1));
				}
			}
			try (ResultSet rs = s.executeQuery("SELECT string_agg(sequencename || '=' || coalesce(last_value, 0), ',' "
					+ "ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'public'")) {
				rs.next();
				sums.put("(sequences)", rs.getString(1));
			}
		}
		assertThat(sums).containsKeys(MAIN_TABLES.toArray(String[]::new));
		return sums;
	}

	private static long rows(String table) throws SQLException {
		try (Connection c = connect("registry"); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void sql(String statement) throws SQLException {
		try (Connection c = connect("registry"); Statement s = c.createStatement()) {
			s.execute(statement);
		}
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB.port() + "/" + database, "postgres", "");
	}

}
