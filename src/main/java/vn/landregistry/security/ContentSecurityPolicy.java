package vn.landregistry.security;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy of every answer. Scripts come from this site only, or are inline
 * with the nonce of the request ({@code th:nonce="${cspNonce}"} on a template's inline script);
 * no inline event handlers, no eval. Styles may be inline (the pages' style attributes and
 * blocks; Leaflet and Chart.js set styles too). Images from this site, data: and blob: URLs, and
 * the base map's tile server ({@code registry.map.tile-url}). No framing, no plugins, forms post
 * to this site only.
 */
class ContentSecurityPolicy extends OncePerRequestFilter {

	/** The request attribute holding the nonce of its inline scripts. */
	static final String NONCE = "cspNonce";

	private final SecureRandom random = new SecureRandom();

	private final String imageSources;

	ContentSecurityPolicy(String tileUrl) {
		String tiles = tileOrigin(tileUrl);
		this.imageSources = "'self' data: blob:" + (tiles == null ? "" : " " + tiles);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(NONCE, write(response));
		chain.doFilter(request, response);
	}

	/** Writes the policy with a new nonce; answers the nonce. */
	String write(HttpServletResponse response) {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		response.setHeader("Content-Security-Policy", policy(nonce));
		return nonce;
	}

	String policy(String nonce) {
		return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; img-src "
				+ this.imageSources + "; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	/**
	 * The origin of a tile URL template ({@code https://{s}.tile.example.org/{z}/{x}/{y}.png} gives
	 * {@code https://*.tile.example.org}); null for a path of this site or what cannot be read.
	 */
	static String tileOrigin(String tileUrl) {
		if (tileUrl == null || !tileUrl.contains("://")) {
			return null;
		}
		String plain = tileUrl.replaceAll("\\{s}\\.", "SUBDOMAIN.").replaceAll("\\{[^}]*}", "0");
		try {
			URI uri = URI.create(plain);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String host = uri.getHost().replace("SUBDOMAIN.", "*.").replace("subdomain.", "*.");
			return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
