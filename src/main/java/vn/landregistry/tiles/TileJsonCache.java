package vn.landregistry.tiles;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * TileJSON documents already made, by layer and server address (their tile URL is absolute). A
 * few small documents whose bounds and feature counts any change may move: every change empties
 * it ({@link TileChanges}); a document made before that is not kept.
 */
@Component
class TileJsonCache {

	/** Beyond this many (Host headers are the client's to choose), the cache starts again. */
	private static final int MAX_DOCUMENTS = 256;

	private final Map<String, byte[]> documents = new ConcurrentHashMap<>();

	private long generation;

	byte[] get(TileLayer layer, String base) {
		return this.documents.get(key(layer, base));
	}

	/** The document, from the cache or made now (and kept); {@code hit} tells which. */
	Served serve(TileLayer layer, String base, Supplier<byte[]> make) {
		byte[] cached = get(layer, base);
		if (cached != null) {
			return new Served(cached, true);
		}
		long before = generation();
		byte[] made = make.get();
		synchronized (this) {
			if (before == this.generation) {
				if (this.documents.size() >= MAX_DOCUMENTS) {
					this.documents.clear();
				}
				this.documents.put(key(layer, base), made);
			}
		}
		return new Served(made, false);
	}

	synchronized void clear() {
		this.generation++;
		this.documents.clear();
	}

	private synchronized long generation() {
		return this.generation;
	}

	private static String key(TileLayer layer, String base) {
		return layer.id() + ' ' + base;
	}

	record Served(byte[] document, boolean hit) {
	}

}
