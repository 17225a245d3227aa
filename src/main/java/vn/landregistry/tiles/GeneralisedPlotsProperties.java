package vn.landregistry.tiles;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The refresh of the stored generalised plots (see {@link GeneralisedPlots}).
 *
 * @param refresh whether this instance refreshes them (tiles are right without: only slower at
 * zooms 8–13 for zones whose rows are missing)
 * @param interval pause between two rounds
 * @param batch zones stored per transaction
 * @param budget a round stops calling for more batches after this long
 */
@ConfigurationProperties("registry.tiles.generalised")
record GeneralisedPlotsProperties(@DefaultValue("true") boolean refresh, @DefaultValue("2s") Duration interval,
		@DefaultValue("10") int batch, @DefaultValue("1s") Duration budget) {
}
