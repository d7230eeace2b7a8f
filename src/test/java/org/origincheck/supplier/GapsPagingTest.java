package org.origincheck.supplier;

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
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.api.Problem;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The gaps report comes a page at a time, as the API's other lists (security review 2026-12-05, third part: it was
 * answered whole, every supplier x part gap built on the heap). 1,050 gaps are seeded in the database (525 suppliers x
 * 2 parts; two determinations, the older using every pair, the newer the even suppliers' pairs): pages of at most the
 * size asked, never more than 200, hold every pair once in the order of supplier, then part; the CSV has every pair, in
 * the same order, read in chunks. Failed before: the answer was {asOf, gaps} with every gap and no page or total.
 */
@QuarkusTest
class GapsPagingTest {

    private static final int SUPPLIERS = 525;
    private static final int GAPS = 2 * SUPPLIERS;
    private static final String AS_OF = "2026-07-01";

    @Inject
    DataSource dataSource;

    private String tenant;
    private String older;
    private String newer;

    @BeforeEach
    void seedTwoDeterminationsWithManySupplierParts() throws Exception {
        tenant = "gaps-" + UUID.randomUUID();
        older = UUID.randomUUID().toString();
        newer = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            for (String[] d : List.of(new String[] {older, "1 hour"}, new String[] {newer, "1 minute"})) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                            rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                        values (?::uuid, now() - ?::interval, 'PO-GAPS', 'BOILER', '84021100', date '2026-07-01', 'NOT_ORIGINATING', null,
                            'usmca', '2026.11.3', repeat('a', 64), null, '{}', '{}', ?, 'seed', 'application/json')""")) {
                    s.setString(1, d[0]);
                    s.setString(2, d[1]);
                    s.setString(3, tenant);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into determination_supplier_part (determination_id, tenant_id, supplier_id, part_number)
                    select d.id, d.tenant_id, 'SUP-' || lpad(g::text, 4, '0'), p
                    from generate_series(1, ?) g cross join (values ('PART-A'), ('PART-B')) parts (p) join determination d on d.tenant_id = ?
                    where d.id = ?::uuid or g % 2 = 0""")) {
                s.setInt(1, SUPPLIERS);
                s.setString(2, tenant);
                s.setString(3, older);
                s.executeUpdate();
            }
        }
    }

    private io.restassured.specification.RequestSpecification auditor() {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.AUDITOR)).queryParam("asOf", AS_OF);
    }

    @Test
    void shouldPageTheGapsEveryPairOnceInTheOrderOfSupplierThenPart() {
        JsonPath first = auditor().get("/api/v1/supplier-declarations/gaps").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("asOf")).isEqualTo(AS_OF);
        assertThat(first.getList("items")).as("default size").hasSize(50);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(50);
        assertThat(first.getLong("total")).isEqualTo(GAPS);
        assertThat(first.getString("items[0].supplierId")).isEqualTo("SUP-0001");
        assertThat(first.getList("items[0].determinations", String.class)).containsExactly(older);
        assertThat(first.getString("items[2].supplierId")).isEqualTo("SUP-0002");
        assertThat(first.getList("items[2].determinations", String.class)).as("oldest first").containsExactly(older, newer);

        List<String> pairs = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath p = auditor().queryParam("page", page).queryParam("size", 200).get("/api/v1/supplier-declarations/gaps")
                    .then().statusCode(200).extract().jsonPath();
            List<String> suppliers = p.getList("items.supplierId", String.class);
            List<String> parts = p.getList("items.partNumber", String.class);
            assertThat(suppliers.size()).as("never more than the size asked").isLessThanOrEqualTo(200);
            assertThat(p.getLong("total")).isEqualTo(GAPS);
            if (suppliers.isEmpty()) {
                assertThat(page).as("pages end after the last gap").isEqualTo((GAPS + 199) / 200);
                break;
            }
            for (int i = 0; i < suppliers.size(); i++) {
                pairs.add(suppliers.get(i) + "," + parts.get(i));
            }
        }
        assertThat(pairs).as("every gap once, no page overlapping another").hasSize(GAPS).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(pairs)).hasSize(GAPS);

        String csv = auditor().accept("text/csv").get("/api/v1/supplier-declarations/gaps").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(1 + GAPS);
        assertThat(lines[0]).isEqualTo("supplierId,partNumber,determinations");
        List<String> csvPairs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            csvPairs.add(cells[0].replace("\"", "") + "," + cells[1].replace("\"", ""));
        }
        assertThat(csvPairs).as("the CSV: every gap, in the pages' order, across its chunks of 500").isEqualTo(pairs);
        assertThat(lines[3]).endsWith("," + older + " " + newer);

        JsonPath one = auditor().queryParam("supplierId", "SUP-0042").get("/api/v1/supplier-declarations/gaps").then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("items.partNumber", String.class)).containsExactly("PART-A", "PART-B");
        assertThat(one.getLong("total")).isEqualTo(2);
        assertThat(auditor().accept("text/csv").queryParam("supplierId", "SUP-0042").get("/api/v1/supplier-declarations/gaps").asString().split("\r\n"))
                .hasSize(3);

        for (String[] bad : List.of(new String[] {"size", "201"}, new String[] {"size", "0"}, new String[] {"page", "-1"}, new String[] {"page", "x"})) {
            String body = auditor().queryParam(bad[0], bad[1]).get("/api/v1/supplier-declarations/gaps").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).extract().asString();
            assertThat(body).as(bad[0] + "=" + bad[1]).contains(bad[0]);
        }
    }
}
