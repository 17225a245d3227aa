package vn.landregistry.tiles;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Cache hits and misses and the cache's size, for the actuator's metrics. */
@Component
class TileMetrics {

	TileMetrics(ObjectProvider<MeterRegistry> registries, TileService service, TileCache cache) {
		registries.ifAvailable(registry -> {
			FunctionCounter.builder("registry.tiles.requests", service, TileService::hits).tag("cache", "hit")
				.description("Vector tiles served from the cache").register(registry);
			FunctionCounter.builder("registry.tiles.requests", service, TileService::storeHits).tag("cache", "store")
				.description("Vector tiles served from the pyramid kept in PostGIS").register(registry);
			FunctionCounter.builder("registry.tiles.requests", service, TileService::misses).tag("cache", "miss")
				.description("Vector tiles made by PostGIS").register(registry);
			Gauge.builder("registry.tiles.cache.tiles", cache, TileCache::count).register(registry);
			Gauge.builder("registry.tiles.cache.bytes", cache, TileCache::bytes).baseUnit("bytes").register(registry);
		});
	}

}
