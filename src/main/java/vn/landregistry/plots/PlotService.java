package vn.landregistry.plots;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.history.Changes;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.GeometryChecks;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.UnprocessableException;

/**
 * Writes plots and leases. The database enforces the spatial rules (a plot inside its zone, no
 * overlap within a zone, one tenant at a time) in the same transaction, so a refused write
 * leaves nothing behind; this service turns those refusals into clear answers.
 */
@Service
class PlotService {

	private final JdbcClient jdbc;

	private final GeometryChecks geometry;

	private final Changes changes;

	private final Clock clock;

	PlotService(JdbcClient jdbc, GeometryChecks geometry, Changes changes, Clock clock) {
		this.jdbc = jdbc;
		this.geometry = geometry;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional
	long create(long zoneId, NewPlot plot) {
		this.changes.attribute(plot.reason() == null ? "created" : plot.reason());
		requireZone(zoneId);
		if (plot.code() == null || plot.code().isBlank()) {
			throw new InvalidParameterException("code", plot.code(), "code is required, e.g. \"A-01\"");
		}
		String geoJson = plot.geometry() == null ? null : plot.geometry().toString();
		this.geometry.requireValidPolygon("geometry", geoJson);
		if (plot.clearedOn() != null && plot.clearedOn().isAfter(today())) {
			throw new UnprocessableException("cleared_not_in_future", "clearedOn " + plot.clearedOn() + " is in the future");
		}
		try {
			return this.jdbc.sql("""
					INSERT INTO plot (zone_id, code, boundary, area_ha, land_use, cleared_on, note, published)
					VALUES (:zone, :code, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)), 0,
					        :landUse, :clearedOn, :note, :published)
					RETURNING id""")
				.param("zone", zoneId)
				.param("code", plot.code().trim())
				.param("geometry", geoJson)
				.param("landUse", (plot.landUse() == null ? LandUse.INDUSTRIAL : plot.landUse()).name())
				.param("clearedOn", plot.clearedOn())
				.param("note", plot.note())
				.param("published", Boolean.TRUE.equals(plot.publish()))
				.query(Long.class)
				.single();
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	@Transactional
	long lease(long plotId, NewLease lease) {
		this.changes.attribute("lease recorded");
		requirePlot(plotId);
		if (lease.investorName() == null || lease.investorName().isBlank()) {
			throw new InvalidParameterException("investorName", lease.investorName(), "investorName is required");
		}
		if (lease.reservedOn() == null && lease.signedOn() == null) {
			throw new InvalidParameterException("signedOn", null, "give signedOn (lease start) or reservedOn");
		}
		LocalDate latestStart = lease.signedOn() != null ? lease.signedOn() : lease.reservedOn();
		if (latestStart.isAfter(today())) {
			throw new UnprocessableException("lease_not_in_future", "a lease cannot start in the future (" + latestStart
					+ "); record it when it is signed");
		}
		try {
			return this.jdbc.sql("""
					INSERT INTO lease (plot_id, investor_name, investor_country, industry, capital_amount, capital_currency,
					                   reserved_on, signed_on, operating_from, ended_on, note)
					VALUES (:plot, :investor, :country, :industry, :capital, :currency,
					        :reservedOn, :signedOn, :operatingFrom, :endedOn, :note)
					RETURNING id""")
				.param("plot", plotId)
				.param("investor", lease.investorName().trim())
				.param("country", lease.investorCountry())
				.param("industry", lease.industry())
				.param("capital", lease.capitalAmount())
				.param("currency", lease.capitalCurrency())
				.param("reservedOn", lease.reservedOn())
				.param("signedOn", lease.signedOn())
				.param("operatingFrom", lease.operatingFrom())
				.param("endedOn", lease.endedOn())
				.param("note", lease.note())
				.query(Long.class)
				.single();
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private void requireZone(long zoneId) {
		if (!exists("SELECT count(*) FROM zone WHERE id = :id AND deleted_at IS NULL", zoneId)) {
			throw new NotFoundException("no zone with id " + zoneId);
		}
	}

	private void requirePlot(long plotId) {
		if (!exists("SELECT count(*) FROM plot WHERE id = :id AND deleted_at IS NULL", plotId)) {
			throw new NotFoundException("no plot with id " + plotId);
		}
	}

	private boolean exists(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single() > 0;
	}

}
