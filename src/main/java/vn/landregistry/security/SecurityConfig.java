package vn.landregistry.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may do what. Reading published data is public. Writing needs a role: the authority
 * (AUTHORITY_EDITOR, AUTHORITY_ADMIN) edits zones, plots and clearance everywhere; a district
 * officer records clearance steps, and the clearance service checks the district. Pages sign in
 * with a form (session, CSRF token on every write and on the sign-in itself); API clients send
 * HTTP Basic credentials and no session cookie, and so need no CSRF token ({@link CsrfRule}).
 * Drafts of published records are the authority's: nobody else reads them. After signing in, the
 * user goes back to the page that sent them (see {@link ReturnTarget}). Failed sign-ins are
 * throttled ({@link SignInThrottle}); a disabled account's sessions end ({@link ActiveAccounts});
 * every answer carries a Content-Security-Policy ({@link ContentSecurityPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String[] AUTHORITY = { Role.AUTHORITY_EDITOR.name(), Role.AUTHORITY_ADMIN.name() };

	static final long HSTS_MAX_AGE = 31_536_000;

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * The open map services may be read by web maps of other sites (MapLibre, OpenLayers, Leaflet):
	 * any origin, reading only, no credentials.
	 */
	@Bean
	CorsConfigurationSource openServices() {
		CorsConfiguration read = new CorsConfiguration();
		read.addAllowedOrigin("*");
		read.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
		read.setAllowedHeaders(List.of("Accept", "Accept-Language", "If-None-Match", "Range"));
		read.setExposedHeaders(List.of("ETag", "Content-Crs", "Link", "X-Tile-Cache", "X-Cache"));
		read.setAllowCredentials(false);
		read.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/tiles/**", read);
		source.registerCorsConfiguration("/ogc/**", read);
		source.registerCorsConfiguration("/ogc", read);
		return source;
	}

	/** 401 with the realm for bad credentials; 503 when the users cannot be read (database down). */
	private static AuthenticationEntryPoint basicEntryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("kcn-registry");
		return new UnavailableAwareEntryPoint(basic);
	}

	@Bean
	SecurityFilterChain registrySecurity(HttpSecurity http, SignInThrottle throttle, RegistryUsers users,
			@Value("${registry.map.tile-url:}") String tileUrl) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/api/zones/*/draft", "/api/plots/*/draft").hasAnyRole(AUTHORITY)
			.requestMatchers("/api/imports", "/api/imports/**", "/import").hasAnyRole(AUTHORITY)
			.requestMatchers(HttpMethod.GET, "/api/users/me", "/api/*/*/history").authenticated()
			.requestMatchers("/api/users", "/api/users/**").hasRole(Role.AUTHORITY_ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/api/portal/enquiries").permitAll()
			.requestMatchers("/api/enquiries", "/api/enquiries/**", "/inbox", "/inbox/**").hasAnyRole(AUTHORITY)
			.requestMatchers(HttpMethod.POST, "/api/clearance/*/events")
			.hasAnyRole(Role.AUTHORITY_EDITOR.name(), Role.AUTHORITY_ADMIN.name(), Role.DISTRICT_OFFICER.name())
			.requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(AUTHORITY)
			.requestMatchers(HttpMethod.PUT, "/api/**").hasAnyRole(AUTHORITY)
			.requestMatchers(HttpMethod.PATCH, "/api/**").hasAnyRole(AUTHORITY)
			.requestMatchers(HttpMethod.DELETE, "/api/**").hasAnyRole(AUTHORITY)
			.requestMatchers("/edit", "/edit/**").hasAnyRole(AUTHORITY)
			.anyRequest().permitAll())
			.cors(cors -> cors.configurationSource(openServices()))
			.formLogin(form -> form.loginPage("/login").permitAll()
				.successHandler(ReturnTarget.successHandler())
				.failureHandler(ReturnTarget.failureHandler()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.httpBasic(basic -> basic.realmName("kcn-registry").authenticationEntryPoint(basicEntryPoint()))
			.csrf(csrf -> csrf.ignoringRequestMatchers(CsrfRule::exempt))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
				// written only on requests that came over TLS (directly, or from a trusted proxy)
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE).includeSubDomains(false)))
			.addFilterBefore(new ContentSecurityPolicy(tileUrl), HeaderWriterFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new ActiveAccounts(users), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.accessDeniedHandler(new ProblemAccessDenied()));
		return http.build();
	}

}
