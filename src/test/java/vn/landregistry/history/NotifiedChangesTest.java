package vn.landregistry.history;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made by SQL on a connection of its own, not through the application, shows in a cached
 * tile and items page within a second with no write request to the application, by PostgreSQL's
 * notification: this context polls only every 30 s.
 */
@TestPropertySource(properties = "registry.changes.poll=30s")
class NotifiedChangesTest extends ChangesElsewhere {

	@Test
	void aChangeBySqlElsewhereIsNotifiedAndShowsWithinASecond() throws Exception {
		cacheBoth();
		long notified = this.notifications.notifications();

		elsewhere("UPDATE plot SET land_use = 'LOGISTICS' WHERE id = " + this.plot);

		assertChangedSoon();
		assertThat(this.notifications.notifications()).as("notifications received").isGreaterThan(notified);
	}

}
