package org.origincheck.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the dev and test profiles, when no datasource URL is configured, starts a real PostgreSQL from
 * Maven-shipped binaries so that nothing has to be installed. A configured URL (for example
 * QUARKUS_DATASOURCE_JDBC_URL) always wins; the prod profile never starts one.
 *
 * <p>Quarkus may ask for configuration several times in one JVM (augmentation, dev-mode reloads, test
 * restarts), each time from a different class loader, so the running server is remembered in system
 * properties, which all of them share, and stopped when the JVM exits.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final String URL_PROPERTY = "origincheck.embedded-postgres.url";
    private static final String ENABLED = "origincheck.embedded-postgres.enabled";
    private static final String DATA_DIRECTORY = "origincheck.embedded-postgres.data-directory";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue("quarkus.datasource.jdbc.url");
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        List<String> profiles = context.getProfiles();
        if (!(profiles.contains("dev") || profiles.contains("test"))) {
            return List.of();
        }
        ConfigValue enabled = context.getValue(ENABLED);
        if (enabled != null && "false".equalsIgnoreCase(enabled.getValue())) {
            return List.of();
        }
        ConfigValue dataDirectory = context.getValue(DATA_DIRECTORY);
        String url = start(dataDirectory == null ? null : dataDirectory.getValue());
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "embedded-postgresql", 200));
    }

    private static synchronized String start(String dataDirectory) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    // zonky turns synchronous_commit off by default; a committed determination must survive a restart here too.
                    .setServerConfig("synchronous_commit", "on");
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty(URL_PROPERTY, url);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's own shutdown handles the rest
                }
            }, "embedded-postgresql-stop"));
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL; set QUARKUS_DATASOURCE_JDBC_URL to use an existing server", e);
        }
    }
}
