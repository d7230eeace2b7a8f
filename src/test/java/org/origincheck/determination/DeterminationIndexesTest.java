package org.origincheck.determination;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every stored determination pays for each index on its table (issue 19: PostgreSQL's CPU and WAL per determination).
 * Every read of determinations is scoped to one tenant or goes by id, so an index must lead with tenant_id or be the primary
 * key; V28 dropped three from V1 that led with created_at, part_number and status, which no query used. This test failed
 * before V28 on exactly those three.
 */
@QuarkusTest
class DeterminationIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldKeepOnlyIndexesThatLeadWithTheTenantOrAreThePrimaryKey() throws Exception {
        List<String> definitions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'determination' order by indexname")) {
            while (r.next()) {
                definitions.add(r.getString(1));
            }
        }
        assertThat(definitions).as("indexes on determination").isNotEmpty()
                .allSatisfy(d -> assertThat(d).as(d).matches("CREATE UNIQUE INDEX determination_pkey ON \\S+ USING btree \\(id\\)|.* USING btree \\(tenant_id, .*"));
        assertThat(definitions).as("the newest-first list and the part-number lookup of a tenant stay indexed")
                .anyMatch(d -> d.contains("(tenant_id, created_at DESC, id DESC)"))
                .anyMatch(d -> d.contains("(tenant_id, part_number text_pattern_ops)"));
    }
}
