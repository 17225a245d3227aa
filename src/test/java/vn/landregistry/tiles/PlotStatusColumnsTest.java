package vn.landregistry.tiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tiles read instead of calling plot_status() per plot (migrations/V11): the plot's latest
 * lease kept on the plot by the lease triggers, and its boundary in EPSG:3857. The status they give
 * must be plot_status()'s on every day, and neither column may reach the history.
 */
class PlotStatusColumnsTest extends PostgisTest {

	/** Plots whose status from their own columns differs from plot_status() on one of the days. */
	static final String DIFFERENCES = """
			SELECT p.id || ' on ' || d.day || ': ' || plot_status(p.id, p.cleared_on, d.day) || ' <> '
			       || plot_status_by_last_lease(p.id, p.cleared_on, p.last_lease_from, p.last_lease_signed_on,
			                                    p.last_lease_operating_from, p.committed_until, d.day)
			  FROM plot p
			 CROSS JOIN (SELECT DISTINCT day + shift AS day
			               FROM (SELECT reserved_on AS day FROM lease UNION SELECT signed_on FROM lease
			                     UNION SELECT operating_from FROM lease UNION SELECT ended_on FROM lease
			                     UNION SELECT cleared_on FROM plot UNION SELECT mvt_day()) days
			              CROSS JOIN (VALUES (-1), (0), (1)) AS s (shift)
			              WHERE day IS NOT NULL) d
			 WHERE plot_status(p.id, p.cleared_on, d.day)
			       IS DISTINCT FROM plot_status_by_last_lease(p.id, p.cleared_on, p.last_lease_from, p.last_lease_signed_on,
			                                                  p.last_lease_operating_from, p.committed_until, d.day)
			   AND p.zone_id IN (%s)
			 ORDER BY 1 LIMIT 10""";

	TestRegistry registry;

	@AfterEach
	void clear() {
		if (this.registry != null) {
			this.registry.clear();
		}
	}

	@Test
	void theDemoPlotsHaveTheStatusOfPlotStatusOnEveryDayTheirLeasesChange() {
		long leased = this.jdbc.sql("SELECT count(DISTINCT plot_id) FROM lease").query(Long.class).single();
		assertThat(leased).as("demo plots with leases").isPositive();

		assertThat(differences("SELECT id FROM zone")).isEmpty();
	}

	@Test
	void leaseEditsKeepTheLatestLeaseOfThePlot() {
		this.registry = new TestRegistry(this.jdbc).create();
		long zone = this.registry.zone("TST-S1", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		long plot = this.registry.plot(zone, "S1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		String zones = String.valueOf(zone);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		long historyBefore = plotHistory(plot);

		// a lease that ended, then a reservation that starts next month: today the earlier leases decide
		this.registry.lease(plot, LocalDate.parse("2021-03-01"), LocalDate.parse("2023-03-01"));
		this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, reserved_on, signed_on, operating_from)
				VALUES (:plot, 'Next tenant', :reserved, :signed, :operating)""").param("plot", plot)
			.param("reserved", today.plusMonths(1)).param("signed", today.plusMonths(2)).param("operating", today.plusMonths(8))
			.update();
		assertThat(latestLease(plot)).containsExactly(today.plusMonths(1), today.plusMonths(2), today.plusMonths(8));
		assertThat(differences(zones)).isEmpty();
		assertThat(status(plot, today)).isEqualTo("AVAILABLE_CLEAN");
		assertThat(status(plot, today.plusMonths(3))).isEqualTo("LEASED");

		// the reservation moves to last month and starts operating: it holds today
		this.jdbc.sql("""
				UPDATE lease SET reserved_on = :reserved, signed_on = :signed, operating_from = :signed
				 WHERE plot_id = :plot AND investor_name = 'Next tenant'""").param("plot", plot)
			.param("reserved", today.minusMonths(1)).param("signed", today.minusDays(3)).update();
		assertThat(differences(zones)).isEmpty();
		assertThat(status(plot, today)).isEqualTo("IN_OPERATION");

		// it ends today: available again, the day it ends
		this.jdbc.sql("UPDATE lease SET ended_on = :today WHERE plot_id = :plot AND investor_name = 'Next tenant'")
			.param("plot", plot).param("today", today).update();
		assertThat(differences(zones)).isEmpty();
		assertThat(status(plot, today)).isEqualTo("AVAILABLE_CLEAN");

		// deleted: the first lease is the latest again; none left: never let
		this.jdbc.sql("DELETE FROM lease WHERE plot_id = :plot AND investor_name = 'Next tenant'").param("plot", plot).update();
		assertThat(latestLease(plot)).containsExactly(LocalDate.parse("2021-03-01"), LocalDate.parse("2021-03-01"), null);
		assertThat(differences(zones)).isEmpty();
		this.jdbc.sql("DELETE FROM lease WHERE plot_id = :plot").param("plot", plot).update();
		assertThat(latestLease(plot)).containsOnlyNulls();
		assertThat(differences(zones)).isEmpty();

		assertThat(plotHistory(plot)).as("lease edits leave no history row of the plot").isEqualTo(historyBefore);
	}

	@Test
	void theHistoryOfAPlotKeepsItsBoundaryOnceAndReplaysIt() {
		this.registry = new TestRegistry(this.jdbc).create();
		long zone = this.registry.zone("TST-S2", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		long plot = this.registry.plot(zone, "S2", 100.1021, 10.1021, 0.002, null);
		this.jdbc.sql("UPDATE plot SET note = 'edited' WHERE id = :id").param("id", plot).update();

		List<String> keys = this.jdbc.sql("""
				SELECT DISTINCT k FROM change_history h, jsonb_object_keys(h.new_values) k
				 WHERE h.table_name = 'plot' AND h.row_id = :id""").param("id", plot).query(String.class).list();
		assertThat(keys).contains("boundary", "note").doesNotContain("boundary_3857");
		assertThat(this.jdbc.sql("SELECT changed FROM change_history WHERE table_name = 'plot' AND row_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", plot).query((rs, row) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly("note");

		// replayed from the history, the plot has its boundary (its 3857 copy is not kept there)
		Boolean same = this.jdbc.sql("""
				SELECT ST_Equals(a.boundary, p.boundary) FROM plot_as_of(now()) a JOIN plot p ON p.id = a.id WHERE a.id = :id""")
			.param("id", plot).query(Boolean.class).single();
		assertThat(same).isTrue();
		assertThat(this.jdbc.sql("SELECT ST_SRID(boundary_3857) FROM plot WHERE id = :id").param("id", plot)
			.query(Integer.class).single()).isEqualTo(3857);
	}

	private List<String> differences(String zoneIds) {
		return this.jdbc.sql(DIFFERENCES.formatted(zoneIds)).query(String.class).list();
	}

	private String status(long plot, LocalDate day) {
		return this.jdbc.sql("""
				SELECT plot_status_by_last_lease(id, cleared_on, last_lease_from, last_lease_signed_on, last_lease_operating_from,
				                                 committed_until, :day) FROM plot WHERE id = :id""")
			.param("day", day).param("id", plot).query(String.class).single();
	}

	private List<LocalDate> latestLease(long plot) {
		return this.jdbc.sql("SELECT last_lease_from, last_lease_signed_on, last_lease_operating_from FROM plot WHERE id = :id")
			.param("id", plot)
			.query((rs, row) -> Arrays.asList(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.single();
	}

	private long plotHistory(long plot) {
		return this.jdbc.sql("SELECT count(*) FROM change_history WHERE table_name = 'plot' AND row_id = :id")
			.param("id", plot).query(Long.class).single();
	}

}
