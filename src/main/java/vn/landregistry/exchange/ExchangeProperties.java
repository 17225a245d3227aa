package vn.landregistry.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of imports: the uncompressed size of an archive's entries, the number of features and of
 * vertices per feature, how long GDAL may work on one file, and where files wait between upload
 * and commit. The upload size itself is spring.servlet.multipart.max-file-size (413 above it).
 */
@ConfigurationProperties("registry.exchange")
record ExchangeProperties(@DefaultValue("1GB") DataSize maxUncompressed, @DefaultValue("1000") int maxZipEntries,
		@DefaultValue("500000") int maxFeatures, @DefaultValue("20000") int maxVertices,
		@DefaultValue("300s") Duration gdalTimeout, @DefaultValue("") String workDir) {
}
