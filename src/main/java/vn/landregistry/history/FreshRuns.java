package vn.landregistry.history;

/**
 * Runs a check on behalf of many callers, each of whom must see a run that started after it
 * asked; callers who ask while a run is going share the next one. Under load this makes one
 * query serve many requests, and no request is answered from an older look than its arrival. A
 * caller who came while a run was going and saw it fail fails with it, not after a run of its own.
 */
final class FreshRuns {

	private final Runnable check;

	private long started;

	private long finished;

	private boolean running;

	private long failedRun = -1;

	private RuntimeException failure;

	FreshRuns(Runnable check) {
		this.check = check;
	}

	void run() {
		long wanted;
		synchronized (this) {
			wanted = this.started + 1;
			long ongoing = this.running ? this.started : -1;
			while (this.finished < wanted) {
				if (!this.running) {
					this.running = true;
					this.started = wanted;
					break;
				}
				waitForRun();
				if (ongoing >= 0 && this.failedRun == ongoing) {
					// the run going on when this caller came failed (the database is out, say): so would
					// its own, after as long a wait
					throw this.failure;
				}
			}
			if (this.finished >= wanted) {
				if (this.failedRun == wanted) {
					throw this.failure;
				}
				return;
			}
		}
		RuntimeException failed = null;
		try {
			this.check.run();
		}
		catch (RuntimeException ex) {
			failed = ex;
			throw ex;
		}
		finally {
			synchronized (this) {
				this.running = false;
				this.finished = wanted;
				this.failedRun = failed == null ? -1 : wanted;
				this.failure = failed;
				notifyAll();
			}
		}
	}

	private void waitForRun() {
		try {
			wait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a check", ex);
		}
	}

}
