package vn.landregistry.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" is the province's day (Asia/Ho_Chi_Minh by default), not the server's: the same zone
 * SQL's registry_today() uses (the application sets it on its connections, application.yml).
 */
@Configuration(proxyBeanMethods = false)
class RegistryClock {

	@Bean
	Clock clock(@Value("${registry.time-zone:Asia/Ho_Chi_Minh}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}
