package vn.landregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LandRegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(LandRegistryApplication.class, args);
	}

}
