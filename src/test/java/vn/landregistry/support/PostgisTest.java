package vn.landregistry.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on a real PostGIS (see {@link TestDatabase}),
 * with the migrations and the Bắc Giang demo data applied. All subclasses share one context; each
 * gets an HTTP client for the running server and SQL access to its database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PostgisTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	/** Anonymous: what the public and investors see. */
	protected Http http;

	/** Signed in as an authority editor, an administrator, and a district officer (see {@link TestUsers}). */
	protected Http editor;

	protected Http admin;

	protected Http officer;

	/** The test database as the application's data source (for test contexts of their own too). */
	@DynamicPropertySource
	public static void database(DynamicPropertyRegistry registry) {
		TestDatabase db = TestDatabase.get();
		registry.add("spring.datasource.url", db::jdbcUrl);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
	}

	@BeforeEach
	void httpClient() {
		this.http = new Http(this.port);
		TestUsers.create(this.jdbc);
		this.editor = this.http.as(TestUsers.EDITOR, TestUsers.PASSWORD);
		this.admin = this.http.as(TestUsers.ADMIN, TestUsers.PASSWORD);
		this.officer = this.http.as(TestUsers.OFFICER, TestUsers.PASSWORD);
	}

}
