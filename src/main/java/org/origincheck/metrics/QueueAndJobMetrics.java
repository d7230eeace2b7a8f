package org.origincheck.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.origincheck.domain.review.ReviewState;

/**
 * What waits for people and for workers, as gauges: the review queue's depth by review state, and the re-determination
 * jobs still running with their items by state (progress = done and failed over all items). Summed over every tenant,
 * so the tags are bounded (four review states, three item states) and name no tenant. Read from the database, where
 * every replica's work is, at most once per {@code origincheck.metrics.queue-refresh} however often Prometheus scrapes;
 * every replica reports the same figures (take max, not sum, across pods). When the database cannot be read the gauges
 * are NaN, never a stale or zero figure.
 */
@ApplicationScoped
public class QueueAndJobMetrics {

    private static final Logger LOG = Logger.getLogger(QueueAndJobMetrics.class);
    static final String[] ITEM_STATES = {"PENDING", "DONE", "FAILED"};
    private static final String QUERY = """
            select 'review', state, count(*) from review_status group by state
            union all
            select 'item', i.state, count(*) from redetermination_item i join redetermination_job j on j.id = i.job_id
             where j.finished_at is null group by i.state
            union all
            select 'job', 'RUNNING', count(*) from redetermination_job where finished_at is null""";

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final Duration refresh;
    private Map<String, Long> snapshot = Map.of();
    private long readAtNanos;
    private boolean readable;

    public QueueAndJobMetrics(MeterRegistry registry, DataSource dataSource,
                              @ConfigProperty(name = "origincheck.metrics.queue-refresh", defaultValue = "15S") Duration refresh) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.refresh = refresh;
    }

    void register(@Observes StartupEvent event) {
        for (ReviewState state : ReviewState.values()) {
            Gauge.builder("origincheck.review.queue", this, m -> m.value("review", state.name()))
                    .description("Determinations by review state, all tenants").tag("state", state.name()).register(registry);
        }
        for (String state : ITEM_STATES) {
            Gauge.builder("origincheck.redetermination.items", this, m -> m.value("item", state))
                    .description("Items of the re-determination jobs still running, by state").tag("state", state).register(registry);
        }
        Gauge.builder("origincheck.redetermination.jobs", this, m -> m.value("job", "RUNNING"))
                .description("Re-determination jobs with items left to evaluate").tag("state", "RUNNING").register(registry);
    }

    private synchronized double value(String kind, String state) {
        if (readAtNanos == 0 || System.nanoTime() - readAtNanos >= refresh.toNanos()) {
            read();
        }
        return readable ? snapshot.getOrDefault(kind + "/" + state, 0L) : Double.NaN;
    }

    private void read() {
        readAtNanos = System.nanoTime();
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery(QUERY)) {
                while (rows.next()) {
                    counts.put(rows.getString(1) + "/" + rows.getString(2), rows.getLong(3));
                }
            }
            snapshot = counts;
            readable = true;
        } catch (SQLException e) {
            readable = false;
            LOG.debugf("review queue and job gauges unreadable: %s", e.getMessage());
        }
    }
}
