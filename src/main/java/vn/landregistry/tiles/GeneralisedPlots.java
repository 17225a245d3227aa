package vn.landregistry.tiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Stores the generalised plots of today's tiles (zone outlines with fill rate, plots merged by
 * status; migrations/V22) for the zones that lack them: at start-up and every
 * {@code registry.tiles.generalised.interval}, a few zones per transaction until none lack them or
 * the round's budget is spent. Tiles never depend on it: for a zone without stored rows they merge
 * the plots themselves (the same bytes, only slower). A round with nothing to do is one indexed
 * query.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "registry.tiles.generalised.refresh", havingValue = "true", matchIfMissing = true)
class GeneralisedPlots {

	private static final Logger log = LoggerFactory.getLogger(GeneralisedPlots.class);

	private final JdbcClient jdbc;

	private final GeneralisedPlotsProperties properties;

	GeneralisedPlots(JdbcClient jdbc, GeneralisedPlotsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${registry.tiles.generalised.interval:2s}")
	void refresh() {
		long start = System.nanoTime();
		int stored = 0;
		int batch;
		do {
			batch = refreshBatch();
			stored += batch;
		}
		while (batch == this.properties.batch() && System.nanoTime() - start < this.properties.budget().toNanos());
		if (stored > 0) {
			log.debug("stored the generalised plots of {} zones in {} ms", stored, (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** Stores one batch (one transaction); returns how many zones it stored. */
	int refreshBatch() {
		return this.jdbc.sql("SELECT refresh_plot_status_area(:batch)").param("batch", this.properties.batch())
			.query(Integer.class).single();
	}

}
