package vn.landregistry.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

	@Bean
	OpenAPI registryOpenApi() {
		return new OpenAPI().info(new Info().title("KCN/CCN land registry API")
			.description("Industrial zones (KCN) and clusters (CCN) of Bắc Giang: boundaries as GeoJSON "
					+ "(RFC 7946, lon/lat, EPSG:4326), plan targets and administrative units. "
					+ "Errors are RFC 9457 problem details.")
			.version("0.1")
			.license(new License().name("Data: Bắc Giang province plans 2019–2025; boundaries approximate")));
	}

}
