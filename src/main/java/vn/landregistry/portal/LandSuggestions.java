package vn.landregistry.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.SqlWhere;

/**
 * What to offer when a search finds nothing: the largest plot on offer (under the other filters,
 * else at all), and the zones where plots next to each other (at most an internal road apart)
 * add up to the area asked, with the plots to combine.
 */
@Repository
class LandSuggestions {

	/** Plots this close (metres, in UTM 48N) can be taken together: across an internal road at most. */
	static final int NEIGHBOUR_M = 20;

	static final int ZONES = 5;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LandSearch search;

	private final JdbcClient jdbc;

	LandSuggestions(LandSearch search, JdbcClient jdbc) {
		this.search = search;
		this.jdbc = jdbc;
	}

	Map<String, Object> suggest(LandQuery query, LocalDate today) {
		Map<String, Object> answer = new LinkedHashMap<>();
		JsonNode largest = first(query.anyArea(1), today);
		answer.put("largestMatchesOtherFilters", largest != null);
		if (largest == null) {
			largest = first(LandQuery.everything(1), today);
		}
		answer.put("largest", largest == null ? null : largest.get("properties"));
		answer.put("neighbourMetres", NEIGHBOUR_M);
		answer.put("combined", query.minHa() == null ? List.of() : combined(query, query.minHa(), today));
		return answer;
	}

	private JsonNode first(LandQuery query, LocalDate today) {
		JsonNode features = JSON.readTree(this.search.search(query, today)).get("features");
		return features.isEmpty() ? null : features.get(0);
	}

	/**
	 * Per zone, the smallest group of neighbouring plots reaching {@code want}: plots are grouped
	 * by distance (DBSCAN), and each group is taken from its largest plot outwards, nearest first.
	 */
	private List<Map<String, Object>> combined(LandQuery query, BigDecimal want, LocalDate today) {
		SqlWhere where = LandSearch.where(query.anyArea(ZONES), today);
		return this.jdbc.sql("""
				WITH free AS (
				  SELECT p.id, p.zone_id, p.area_ha, p.boundary,
				         ST_ClusterDBSCAN(ST_Transform(p.boundary, 32648), eps := :eps, minpoints := 1)
				           OVER (PARTITION BY p.zone_id) AS grp
				    FROM public_plot p JOIN zone z ON z.id = p.zone_id""" + where.sql() + """
				), seed AS (
				  SELECT DISTINCT ON (zone_id, grp) zone_id, grp, boundary AS seed FROM free ORDER BY zone_id, grp, area_ha DESC, id
				), ranked AS (
				  SELECT f.id, f.zone_id, f.grp, f.area_ha,
				         sum(f.area_ha) OVER (PARTITION BY f.zone_id, f.grp
				           ORDER BY ST_Distance(f.boundary, s.seed), f.area_ha DESC, f.id) AS running
				    FROM free f JOIN seed s USING (zone_id, grp)
				), picked AS (
				  SELECT zone_id, grp, array_agg(id ORDER BY running) AS ids, max(running) AS ha
				    FROM ranked WHERE running - area_ha < :want
				   GROUP BY zone_id, grp HAVING max(running) >= :want AND count(*) > 1
				), best AS (
				  SELECT DISTINCT ON (zone_id) zone_id, ids, ha FROM picked ORDER BY zone_id, ha, grp
				)
				SELECT z.code AS zone, z.name_vi AS "zoneName", z.name_en AS "zoneNameEn", z.kind,
				       round(b.ha, 2) AS "areaHa", cardinality(b.ids) AS plots, array_to_string(b.ids, ',') AS ids,
				       '/portal/zones/' || z.code AS url
				  FROM best b JOIN zone z ON z.id = b.zone_id
				 ORDER BY b.ha, z.code LIMIT :groups""")
			.params(where.params()).param("eps", NEIGHBOUR_M).param("want", want).param("groups", ZONES)
			.query().listOfRows();
	}

}
