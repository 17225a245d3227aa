package vn.landregistry.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The md5 of every row of some tables, to show that a refused request wrote nothing. */
public final class TableChecksums {

	private TableChecksums() {
	}

	public static Map<String, String> of(JdbcClient jdbc, String... tables) {
		Map<String, String> sums = new LinkedHashMap<>();
		for (String table : tables) {
			sums.put(table, jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t")
				.query(String.class).single());
		}
		return sums;
	}

}
