package vn.landregistry.exchange;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.history.Changes;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.NotFoundException;

/**
 * The two steps of an import. Upload: the file is saved, then read, placed in its CRS and checked
 * in the background (the batch shows its progress). Commit: the checked features are written in
 * one transaction, also in the background. Between the two, the editor sees the report and may map
 * the file's attributes to other fields.
 */
@Service
class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ImportReader reader;

	private final CrsCheck crsCheck;

	private final ImportChecks checks;

	private final ImportCommit committer;

	private final ExchangeProperties limits;

	private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "import");
		thread.setDaemon(true);
		return thread;
	});

	ImportService(JdbcClient jdbc, ImportReader reader, CrsCheck crsCheck, ImportChecks checks, ImportCommit committer,
			ExchangeProperties limits) {
		this.jdbc = jdbc;
		this.reader = reader;
		this.crsCheck = crsCheck;
		this.checks = checks;
		this.committer = committer;
		this.limits = limits;
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	/** What the editor asked for with the file. */
	record Request(ImportTarget target, ExchangeCrs crs, String encoding, String accuracy) {
	}

	/** Saves the file and starts reading it; answers the new batch's id at once. */
	long upload(Request request, String fileName, InputStream content) {
		Path folder = WorkFolders.create(this.limits, "import-");
		UploadedFile file;
		try {
			file = UploadedFile.save(folder, fileName, content, this.limits);
		}
		catch (RuntimeException ex) {
			WorkFolders.delete(folder);
			throw ex;
		}
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("accuracy", request.accuracy());
		options.put("encoding", request.encoding());
		options.put("crs", request.crs() == null ? null : request.crs().code());
		long id = this.jdbc.sql("""
				INSERT INTO import_batch (target, file_name, checksum, size_bytes, format, status, options, created_by)
				VALUES (:target, :name, :checksum, :size, :format, 'READING', CAST(:options AS jsonb), :user)
				RETURNING id""")
			.param("target", request.target().name()).param("name", file.name()).param("checksum", file.checksum())
			.param("size", file.size()).param("format", file.format().title()).param("options", JSON.writeValueAsString(options))
			.param("user", Changes.user()).query(Long.class).single();
		this.workers.execute(() -> prepare(id, request, file));
		return id;
	}

	private void prepare(long id, Request request, UploadedFile file) {
		try {
			ImportReader.Read read = this.reader.read(id, file, request.encoding());
			this.jdbc.sql("UPDATE import_batch SET progress_total = :n, fields = CAST(:fields AS jsonb) WHERE id = :id")
				.param("n", read.features()).param("fields", JSON.writeValueAsString(read.attributes())).param("id", id).update();
			if (read.features() == 0) {
				throw new ExchangeException("file_empty", "the file holds no features");
			}
			run(id, "UPDATE import_feature SET source_geom = import_geometry(source_json) WHERE batch_id = :b AND source_json IS NOT NULL");
			CrsCheck.Decision crs = this.crsCheck.decide(id, request.crs(), read.proj());
			run(id, "UPDATE import_feature f SET geom = " + crs.crs().toStorage("f.source_geom") + " WHERE f.batch_id = :b "
					+ "AND f.source_geom IS NOT NULL AND ST_NPoints(f.source_geom) <= " + this.limits.maxVertices());
			// fresh statistics, or the planner joins 100,000 staged shapes pair by pair instead of by the index
			this.jdbc.sql("ANALYZE import_feature").update();
			// CAD drawings (DXF) and some KML hold parcels as closed polylines: read them as the areas they close
			run(id, "UPDATE import_feature SET geom = coalesce(ST_BuildArea(geom), geom) WHERE batch_id = :b "
					+ "AND GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING') AND ST_IsClosed(geom)");
			Mapping mapping = new Mapping(request.target(), request.target().guessMapping(read.attributes()));
			this.checks.check(id, mapping);
			this.jdbc.sql("""
					UPDATE import_batch SET status = 'READY', crs = :crs, crs_origin = :origin, mapping = CAST(:mapping AS jsonb)
					 WHERE id = :id AND status = 'READING'""")
				.param("crs", crs.crs().code()).param("origin", crs.origin())
				.param("mapping", JSON.writeValueAsString(mapping.attributes())).param("id", id).update();
		}
		catch (ExchangeException ex) {
			fail(id, ex.getMessage());
		}
		catch (DataAccessException | UncheckedIOException ex) {
			log.warn("import {} failed", id, ex);
			fail(id, "the file could not be read: " + DatabaseRules.rootMessage(ex));
		}
		catch (RuntimeException ex) {
			log.error("import {} failed", id, ex);
			fail(id, "the file could not be read (" + ex.getClass().getSimpleName() + ")");
		}
		finally {
			WorkFolders.delete(file.folder());
		}
	}

	private void fail(long id, String message) {
		this.jdbc.sql("UPDATE import_batch SET status = 'FAILED', message = :message WHERE id = :id")
			.param("message", message).param("id", id).update();
		this.jdbc.sql("DELETE FROM import_feature WHERE batch_id = :id").param("id", id).update();
	}

	/** Maps the file's attributes anew and checks again; answers the batch. */
	void remap(long id, Map<String, String> requested) {
		Batch batch = batch(id);
		requireStatus(batch, "READY");
		Mapping mapping = Mapping.of(batch.target(), requested, batch.fields());
		this.checks.check(id, mapping);
		this.jdbc.sql("UPDATE import_batch SET mapping = CAST(:mapping AS jsonb), message = NULL WHERE id = :id")
			.param("mapping", JSON.writeValueAsString(mapping.attributes())).param("id", id).update();
	}

	/** Starts writing the batch into the registry. */
	void commit(long id, boolean skipErrors) {
		Batch batch = batch(id);
		requireStatus(batch, "READY");
		if (!skipErrors) {
			this.checks.requireNoErrors(id);
		}
		int moved = this.jdbc.sql("UPDATE import_batch SET status = 'COMMITTING', message = NULL WHERE id = :id AND status = 'READY'")
			.param("id", id).update();
		if (moved == 0) {
			throw new ExchangeException(org.springframework.http.HttpStatus.CONFLICT, "import_busy",
					"import " + id + " is already being committed");
		}
		String user = Changes.user();
		String reason = "import of \"" + batch.fileName() + "\" (SHA-256 " + batch.checksum() + ", import " + id + ")";
		Mapping mapping = new Mapping(batch.target(), batch.mapping());
		String accuracy = String.valueOf(batch.options().getOrDefault("accuracy", "SURVEYED"));
		this.workers.execute(() -> {
			try {
				ImportCommit.Written written = this.committer.commit(id, mapping, skipErrors, user, reason, accuracy);
				this.jdbc.sql("""
						UPDATE import_batch SET status = 'COMMITTED', committed_by = :user, committed_at = now(),
						       summary = CAST(:summary AS jsonb) WHERE id = :id""")
					.param("user", user).param("summary", JSON.writeValueAsString(written)).param("id", id).update();
				run(id, "DELETE FROM import_feature WHERE batch_id = :b");
			}
			catch (RuntimeException ex) {
				String message = ex instanceof ExchangeException ? ex.getMessage()
						: "nothing was written: " + DatabaseRules.rootMessage(ex);
				log.info("import {} not committed: {}", id, message);
				if (ex instanceof ExchangeException refused && refused.rule().equals(ImportChecks.HAS_ERRORS)) {
					this.checks.check(id, mapping);  // the report shows what changed (the commit's own check was rolled back)
				}
				this.jdbc.sql("UPDATE import_batch SET status = 'READY', message = :message WHERE id = :id")
					.param("message", message).param("id", id).update();
			}
		});
	}

	/**
	 * A batch left COMMITTING by an application that stopped during the commit (killed, crashed,
	 * power lost): its transaction was rolled back by PostgreSQL, so nothing of it was written; it is
	 * READY again, to be committed anew. A batch whose commit is still running (its transaction holds
	 * the batch's advisory lock, in this or another instance) is left alone.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void afterCrash() {
		int reset = this.jdbc.sql("""
				UPDATE import_batch SET status = 'READY',
				       message = 'the application stopped during the commit; nothing was written: commit again'
				 WHERE status = 'COMMITTING' AND pg_try_advisory_xact_lock(%s, CAST(id AS integer))"""
			.formatted(ImportCommit.COMMIT_LOCK)).update();
		if (reset > 0) {
			log.warn("{} import(s) left committing by a stopped application are ready again (nothing of them was written)", reset);
		}
	}

	void discard(long id) {
		Batch batch = batch(id);
		if (batch.status().equals("COMMITTING")) {
			throw new ExchangeException(org.springframework.http.HttpStatus.CONFLICT, "import_busy",
					"import " + id + " is being committed and cannot be discarded now");
		}
		this.jdbc.sql("DELETE FROM import_feature WHERE batch_id = :id").param("id", id).update();
		if (!batch.status().equals("COMMITTED")) {
			this.jdbc.sql("UPDATE import_batch SET status = 'DISCARDED' WHERE id = :id").param("id", id).update();
		}
	}

	/** A batch as stored. */
	record Batch(long id, ImportTarget target, String fileName, String checksum, String status,
			List<String> fields, Map<String, String> mapping, Map<String, Object> options) {
	}

	Batch batch(long id) {
		return this.jdbc.sql("SELECT id, target, file_name, checksum, status, fields::text, mapping::text, options::text "
				+ "FROM import_batch WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Batch(rs.getLong(1), ImportTarget.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), JSON.readValue(rs.getString(6), new TypeReference<List<String>>() {
					}), JSON.readValue(rs.getString(7), new TypeReference<Map<String, String>>() {
					}), JSON.readValue(rs.getString(8), new TypeReference<Map<String, Object>>() {
					})))
			.optional().orElseThrow(() -> new NotFoundException("import " + id + " does not exist"));
	}

	private static void requireStatus(Batch batch, String status) {
		if (!batch.status().equals(status)) {
			throw new ExchangeException(org.springframework.http.HttpStatus.CONFLICT, "import_status", "import " + batch.id()
					+ " is " + batch.status().toLowerCase(Locale.ROOT) + ", not " + status.toLowerCase(Locale.ROOT));
		}
	}

	private void run(long batch, String sql) {
		this.jdbc.sql(sql).param("b", batch).update();
	}

}
