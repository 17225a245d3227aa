package vn.landregistry.history;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its listening connection killed (pg_terminate_backend), the application still shows a
 * change made by SQL elsewhere within a second, by its poll, and listens again soon after.
 */
@TestPropertySource(properties = "registry.changes.poll=200ms")
class PolledChangesTest extends ChangesElsewhere {

	@Test
	void withoutItsConnectionTheListenerPollsAndComesBack() throws Exception {
		cacheBoth();
		int killed = this.notifications.backendPid();
		elsewhere("SELECT pg_terminate_backend(" + killed + ")");
		elsewhere("UPDATE plot SET land_use = 'LOGISTICS' WHERE id = " + this.plot);

		assertChangedSoon();

		awaitListening(killed);
		long notified = this.notifications.notifications();
		elsewhere("UPDATE plot SET land_use = 'INDUSTRIAL' WHERE id = " + this.plot);
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		while (this.notifications.notifications() == notified && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.notifications.notifications()).as("notified again").isGreaterThan(notified);
	}

}
