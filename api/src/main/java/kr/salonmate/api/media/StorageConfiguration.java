package kr.salonmate.api.media;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link MediaStorage}: the S3 bucket when an endpoint is configured, else a local directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, MediaProperties.class})
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    MediaStorage mediaStorage(StorageProperties properties, @Value("${salonmate.data-dir:./data}") String dataDir) {
        MediaStorage storage = properties.usesObjectStorage() ? new S3MediaStorage(properties)
                : new LocalMediaStorage(properties.localDirectory() == null || properties.localDirectory().isBlank()
                        ? Path.of(dataDir, "media") : Path.of(properties.localDirectory()));
        log.info("Photos are stored in {}", storage.describe());
        return storage;
    }
}
