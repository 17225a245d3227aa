package vn.landregistry.zones;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.shared.BoundaryAccuracy;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Hibernate Spatial reads the PostGIS boundary as a JTS geometry with its SRID. */
@Transactional
class ZoneRepositoryTest extends PostgisTest {

	@Autowired
	ZoneRepository zones;

	@Test
	void readsZoneWithItsBoundaryAndDistrict() {
		Zone zone = this.zones.findByCode("KCN-QUANG-CHAU").orElseThrow();

		assertThat(zone.getKind()).isEqualTo(ZoneKind.KCN);
		assertThat(zone.getNameVi()).isEqualTo("Khu công nghiệp Quang Châu");
		assertThat(zone.getDistrict().getCode()).isEqualTo("BG-VY");
		assertThat(zone.getBoundary().getSRID()).isEqualTo(4326);
		assertThat(zone.getBoundary().isValid()).isTrue();
		assertThat(zone.getBoundaryAccuracy()).isEqualTo(BoundaryAccuracy.APPROXIMATE);
		assertThat(zone.getDistrict().getBoundary().covers(zone.getBoundary())).isTrue();
		assertThat(zone.getCreatedAt()).isNotNull();
	}

	@Test
	void findsZonesByKind() {
		assertThat(this.zones.findByKindOrderByCode(ZoneKind.CCN)).isNotEmpty()
			.allSatisfy(zone -> assertThat(zone.getKind()).isEqualTo(ZoneKind.CCN));
	}

}
