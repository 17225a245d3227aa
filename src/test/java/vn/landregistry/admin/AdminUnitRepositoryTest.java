package vn.landregistry.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate Spatial reads a PostGIS boundary as a JTS geometry with its SRID (the administrative
 * units are the JPA entities that the application reads this way).
 */
@Transactional
class AdminUnitRepositoryTest extends PostgisTest {

	@Autowired
	AdminUnitRepository units;

	@Test
	void readsADistrictWithItsBoundary() {
		AdminUnit district = this.units.findByCode("BG-VY").orElseThrow();

		assertThat(district.getBoundary().getSRID()).isEqualTo(4326);
		assertThat(district.getBoundary().isValid()).isTrue();
		Boolean sameArea = this.jdbc.sql("""
				SELECT abs(ST_Area(boundary) - :area) < 1e-9 FROM admin_unit WHERE code = 'BG-VY'""")
			.param("area", district.getBoundary().getArea()).query(Boolean.class).single();
		assertThat(sameArea).as("the JTS geometry is the stored one").isTrue();
	}

	@Test
	void findsTheUnitsOfALevelInCodeOrder() {
		assertThat(this.units.findByLevelOrderByCode(AdminLevel.DISTRICT)).isNotEmpty()
			.allSatisfy(unit -> assertThat(unit.getLevel()).isEqualTo(AdminLevel.DISTRICT))
			.isSortedAccordingTo((a, b) -> a.getCode().compareTo(b.getCode()));
	}

}
