package vn.landregistry.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may send: the body of a public enquiry, the body of any other request (a
 * zone's shape included), and the vertices of one shape. File uploads (multipart, the imports)
 * have their own limit, spring.servlet.multipart.max-request-size.
 */
@ConfigurationProperties("registry.limits")
public record RequestLimits(@DefaultValue("64KB") DataSize enquiryBody, @DefaultValue("4MB") DataSize body,
		@DefaultValue("20000") int maxVertices) {
}
