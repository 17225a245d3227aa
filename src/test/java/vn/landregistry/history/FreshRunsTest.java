package vn.landregistry.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each caller sees a check that started after it asked; callers during a check share the next one. */
class FreshRunsTest {

	@Test
	void callersOneAfterAnotherEachGetTheirOwnRun() {
		AtomicInteger runs = new AtomicInteger();
		FreshRuns fresh = new FreshRuns(runs::incrementAndGet);
		fresh.run();
		fresh.run();
		fresh.run();
		assertThat(runs).hasValue(3);
	}

	@Test
	void callersArrivingDuringARunShareTheNextOne() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FreshRuns fresh = new FreshRuns(() -> {
			if (runs.incrementAndGet() == 1) {
				firstStarted.countDown();
				await(release);
			}
		});
		Thread first = new Thread(fresh::run);
		first.start();
		assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

		List<Thread> late = new ArrayList<>();
		AtomicInteger seenRuns = new AtomicInteger(Integer.MAX_VALUE);
		for (int i = 0; i < 5; i++) {
			Thread thread = new Thread(() -> {
				fresh.run();
				seenRuns.accumulateAndGet(runs.get(), Math::min);
			});
			late.add(thread);
			thread.start();
		}
		Thread.sleep(200); // they wait: the running check started before they asked
		assertThat(runs).hasValue(1);
		release.countDown();
		first.join(5000);
		for (Thread thread : late) {
			thread.join(5000);
		}
		assertThat(runs).as("one more run for all five").hasValue(2);
		assertThat(seenRuns).as("none returned before a run that started after it").hasValue(2);
	}

	@Test
	void aFailedRunFailsItsCallers() {
		FreshRuns fresh = new FreshRuns(() -> {
			throw new IllegalStateException("database down");
		});
		assertThatThrownBy(fresh::run).hasMessage("database down");
		assertThatThrownBy(fresh::run).hasMessage("database down");
	}

	@Test
	void callersArrivingDuringARunThatFailsFailWithItWithoutARunOfTheirOwn() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FreshRuns fresh = new FreshRuns(() -> {
			runs.incrementAndGet();
			firstStarted.countDown();
			await(release);
			throw new IllegalStateException("database down");
		});
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		Runnable caller = () -> {
			try {
				fresh.run();
			}
			catch (IllegalStateException ex) {
				failures.add(ex);
			}
		};
		Thread first = new Thread(caller);
		first.start();
		assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
		List<Thread> late = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Thread thread = new Thread(caller);
			late.add(thread);
			thread.start();
		}
		Thread.sleep(200);
		release.countDown();
		first.join(5000);
		for (Thread thread : late) {
			thread.join(5000);
		}
		assertThat(failures).hasSize(4).allSatisfy(ex -> assertThat(ex).hasMessage("database down"));
		assertThat(runs).as("the late callers did not wait for a run of their own").hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
