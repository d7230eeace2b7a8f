package org.origincheck.redetermination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.api.Problem;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The change lists of a re-determination and of a scenario run come a page at a time (security review 2026-12-05: they
 * were answered whole, built on the heap, whatever their size). A job with 1,050 changes (seeded in the database: running
 * 1,050 evaluations would only slow the suite) is read in pages of at most the size asked, never more than 200, which
 * together hold every change once, in a stable order; the CSV form still has every change. Failed before: the answer
 * was one array of every change.
 */
@QuarkusTest
class ChangesPagingTest {

    private static final int CHANGES = 1_050;

    @Inject
    DataSource dataSource;

    private String tenant;
    private String job;
    private String run;

    @BeforeEach
    void seedAJobAndARunWithManyChanges() throws Exception {
        tenant = "paging-" + UUID.randomUUID();
        job = UUID.randomUUID().toString();
        run = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                        rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                    select gen_random_uuid(), now(), 'PO-' || g, 'P-' || lpad(g::text, 5, '0'), '84021100', date '2026-07-01', 'ORIGINATING', 'B',
                        'usmca', '2026.11.3', repeat('a', 64), null, '{}', '{}', ?, 'seed', 'application/json'
                    from generate_series(1, ?) g""")) {
                s.setString(1, tenant);
                s.setInt(2, CHANGES);
                s.executeUpdate();
            }
            for (String[] j : List.of(new String[] {job, null}, new String[] {run, "cn-content-cap-10"})) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total,
                            finished_at, scenario_id, filter)
                        values (?::uuid, ?, 'seed', now(), null, '2026.12.2', repeat('b', 64), ?, now(), ?, ?)""")) {
                    s.setString(1, j[0]);
                    s.setString(2, tenant);
                    s.setInt(3, CHANGES);
                    s.setString(4, j[1]);
                    s.setString(5, j[1] == null ? null : "{}");
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into redetermination_item (job_id, determination_id, state, old_status, new_status, new_criterion, changed, done_at,
                            chapter, good_value, currency, reasons)
                        select ?::uuid, d.id, 'DONE', 'ORIGINATING', 'NOT_ORIGINATING', null, true, now(), '84',
                            case when (row_number() over (order by d.id)) % 10 = 0 then null else 100 + (row_number() over (order by d.id)) % 7 end,
                            'USD', '[]'
                        from determination d where d.tenant_id = ?""")) {
                    s.setString(1, j[0]);
                    s.setString(2, tenant);
                    s.executeUpdate();
                }
            }
        }
    }

    private io.restassured.specification.RequestSpecification auditor() {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.AUDITOR));
    }

    @Test
    void shouldPageARedeterminationsChanges() {
        assertPagedWhole("/api/v1/redeterminations/" + job + "/changes", true);
    }

    @Test
    void shouldPageAScenarioRunsChangesAndStreamEveryOneAsCsv() {
        assertPagedWhole("/api/v1/scenario-runs/" + run + "/changes", false);
        String csv = auditor().accept("text/csv").get("/api/v1/scenario-runs/" + run + "/changes").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(1 + CHANGES);
        assertThat(auditor().accept("text/csv").get("/api/v1/scenario-runs/" + UUID.randomUUID() + "/changes").then().extract().statusCode())
                .as("an unknown run is a 404 before the CSV starts").isEqualTo(404);
    }

    /**
     * The CSV is read in chunks of 500, each after the last change of the one before (security review third part: it held one
     * transaction through a cursor for as long as the client read): the same lines in the same order as the pages, across
     * chunk borders that fall among equal values and among the changes without a value (every tenth). A guard: it passed
     * with the cursor too.
     */
    @Test
    void shouldStreamTheScenarioCsvInThePagesOrderAcrossChunks() {
        List<String> paged = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int page = 0; page * 200 < CHANGES; page++) {
            JsonPath p = auditor().queryParam("page", page).queryParam("size", 200).get("/api/v1/scenario-runs/" + run + "/changes")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(p.getList("items.determinationId", String.class));
            for (Object v : p.getList("items.value")) {
                values.add(v == null ? "" : new java.math.BigDecimal(v.toString()).toPlainString());
            }
        }
        String[] lines = auditor().accept("text/csv").get("/api/v1/scenario-runs/" + run + "/changes").then().statusCode(200).extract().asString().split("\r\n");
        List<String> streamed = new ArrayList<>();
        List<String> streamedValues = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            streamed.add(cells[0]);
            streamedValues.add(cells[4]);
        }
        assertThat(values).as("seeded: changes without a value").contains("");
        assertThat(streamed).hasSize(CHANGES).isEqualTo(paged);
        assertThat(streamedValues).isEqualTo(values);
    }

    private void assertPagedWhole(String path, boolean byPartNumber) {
        JsonPath first = auditor().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).as("default size").hasSize(50);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(50);
        assertThat(first.getLong("total")).isEqualTo(CHANGES);

        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath p = auditor().queryParam("page", page).queryParam("size", 200).get(path).then().statusCode(200).extract().jsonPath();
            List<String> ids = p.getList("items.determinationId", String.class);
            assertThat(ids.size()).as("never more than the size asked").isLessThanOrEqualTo(200);
            if (ids.isEmpty()) {
                assertThat(page).as("pages end after the last change").isEqualTo((CHANGES + 199) / 200);
                break;
            }
            all.addAll(ids);
            if (byPartNumber) {
                List<String> parts = p.getList("items.partNumber", String.class);
                assertThat(parts).isSorted();
            }
        }
        Set<String> distinct = new HashSet<>(all);
        assertThat(all).as("every change once, no page overlapping another").hasSize(CHANGES);
        assertThat(distinct).hasSize(CHANGES);

        for (String[] bad : List.of(new String[] {"size", "201"}, new String[] {"size", "0"}, new String[] {"page", "-1"}, new String[] {"page", "x"})) {
            String body = auditor().queryParam(bad[0], bad[1]).get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().asString();
            assertThat(body).as(bad[0] + "=" + bad[1]).contains(bad[0]);
        }
    }
}
