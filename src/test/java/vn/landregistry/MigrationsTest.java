package vn.landregistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import vn.landregistry.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema and the demo data apply to an empty database, and applying them again changes nothing. */
class MigrationsTest {

	final TestDatabase db = TestDatabase.get();

	final String database = "empty_" + Long.toHexString(System.nanoTime());

	@BeforeEach
	void createEmptyDatabase() throws SQLException {
		superuserSql(this.db.jdbcUrl(), "CREATE DATABASE " + this.database + " OWNER " + this.db.username());
		// PostGIS is not a trusted extension: the operator installs it, as gis/db and the postgis image do.
		superuserSql(this.db.jdbcUrl(this.database), "CREATE EXTENSION postgis");
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		superuserSql(this.db.jdbcUrl(), "DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	@Test
	void migrationsAndDemoDataApplyToAnEmptyDatabaseOnce() throws IOException {
		Flyway flyway = Flyway.configure()
			.dataSource(this.db.jdbcUrl(this.database), this.db.username(), this.db.password())
			.locations("filesystem:migrations", "filesystem:gis/demo")
			.load();

		assertThat(flyway.migrate().migrationsExecuted).isEqualTo(sqlFiles("migrations") + sqlFiles("gis/demo"));
		assertThat(flyway.migrate().migrationsExecuted).isZero();
		flyway.validate();
	}

	/**
	 * The demo files were renumbered once (R__04 plots and R__06 clearance swapped): a database loaded
	 * before keeps history rows of repeatable files that are gone. The application's setting lets
	 * Flyway pass them by; without it, validation fails.
	 */
	@Test
	void aRepeatableFileThatIsGoneDoesNotStopTheApplication() throws SQLException {
		String url = this.db.jdbcUrl(this.database);
		Flyway flyway = Flyway.configure().dataSource(url, this.db.username(), this.db.password())
			.locations("filesystem:migrations", "filesystem:gis/demo")
			.load();
		flyway.migrate();
		try (Connection connection = DriverManager.getConnection(url, this.db.username(), this.db.password());
				Statement statement = connection.createStatement()) {
			statement.execute("""
					INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
					                                   installed_by, execution_time, success)
					SELECT max(installed_rank) + 1, NULL, '04 bac giang demo plots', 'SQL', 'R__04_bac_giang_demo_plots.sql',
					       1, current_user, 1, true FROM flyway_schema_history""");
		}
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		String patterns = yaml.getObject().getProperty("spring.flyway.ignore-migration-patterns");
		assertThat(patterns).contains("repeatable:missing");

		assertThat(Flyway.configure().dataSource(url, this.db.username(), this.db.password())
			.locations("filesystem:migrations", "filesystem:gis/demo")
			.ignoreMigrationPatterns(patterns.split(","))
			.load()
			.validateWithResult()
			.validationSuccessful).isTrue();
		assertThat(flyway.validateWithResult().validationSuccessful).as("without the setting").isFalse();
	}

	private static long sqlFiles(String dir) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(dir))) {
			return files.filter(f -> f.getFileName().toString().matches("[VR]\\w*__.*\\.sql")).count();
		}
	}

	private void superuserSql(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, this.db.superuser(), this.db.superuserPassword());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
