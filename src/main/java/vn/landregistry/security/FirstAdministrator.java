package vn.landregistry.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Without any administrator, creates one named {@code admin}: with the password of
 * REGISTRY_ADMIN_PASSWORD, or a random one printed once to the log. No password is written in
 * the code.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final RegistryUsers users;

	private final String password;

	FirstAdministrator(RegistryUsers users, @Value("${REGISTRY_ADMIN_PASSWORD:}") String password) {
		this.users = users;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.anyAdministrator()) {
			return;
		}
		boolean generated = this.password == null || this.password.isBlank();
		String secret = generated ? randomPassword() : this.password;
		this.users.create(new NewUser("admin", "Administrator", secret, Role.AUTHORITY_ADMIN, List.of(), List.of()));
		if (generated) {
			log.warn("\n\n  First administrator created: user 'admin', password '{}'\n"
					+ "  It is shown only now; set REGISTRY_ADMIN_PASSWORD to choose it instead.\n", secret);
		}
		else {
			log.info("First administrator 'admin' created with the password of REGISTRY_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
