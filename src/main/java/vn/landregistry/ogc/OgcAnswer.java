package vn.landregistry.ogc;

import org.springframework.http.MediaType;

import vn.landregistry.shared.ContentTags;

/**
 * The bytes of an items page or a feature as sent, their Content-Type and Content-Crs, and their
 * strong ETag (a hash of the bytes).
 */
record OgcAnswer(byte[] body, MediaType contentType, String contentCrs, String etag) {

	static OgcAnswer of(byte[] body, MediaType contentType, String contentCrs) {
		return new OgcAnswer(body, contentType, contentCrs, ContentTags.of(body));
	}

}
