package vn.landregistry.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;

import vn.landregistry.shared.AnswerHeaders;

/**
 * The headers {@link SecurityConfig}'s filters add to an anonymous GET of the open map services,
 * for the answers written before them (shared's LeanAnswers): the same header writers, configured
 * as there, and the same CORS processing. SecurityHeadersTest and LeanAnswersTest keep the two in
 * step.
 */
@Component
class LeanHeaders implements AnswerHeaders {

	private final ContentSecurityPolicy policy;

	private final List<HeaderWriter> writers;

	private final CorsConfigurationSource cors;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	LeanHeaders(@Value("${registry.map.tile-url:}") String tileUrl,
			@Qualifier("openServices") CorsConfigurationSource cors) {
		this.policy = new ContentSecurityPolicy(tileUrl);
		this.cors = cors;
		HstsHeaderWriter hsts = new HstsHeaderWriter();
		hsts.setMaxAgeInSeconds(SecurityConfig.HSTS_MAX_AGE);
		hsts.setIncludeSubDomains(false);
		this.writers = List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
				new CacheControlHeadersWriter(), hsts,
				new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
				new ReferrerPolicyHeaderWriter(SecurityConfig.REFERRER_POLICY));
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.processor.processRequest(this.cors.getCorsConfiguration(request), request, response);
		this.policy.write(response);
		for (HeaderWriter writer : this.writers) {
			writer.writeHeaders(request, response);
		}
	}

}
