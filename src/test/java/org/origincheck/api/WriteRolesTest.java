package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.determination.rest.DeterminationResource;
import org.origincheck.review.DeterminationReviewResource;
import org.origincheck.scenario.rest.ScenarioRunResource;
import org.origincheck.security.Roles;

/** The edge's reading of the resources' write roles (EdgeLimits reads a chunked body only for a caller they admit). */
class WriteRolesTest {

    private static SecurityIdentity with(String... roles) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("officer"));
        for (String role : roles) {
            b.addRole(role);
        }
        return b.build();
    }

    private final WriteRoles roles = WriteRoles.of(List.of(DeterminationResource.class, DeterminationReviewResource.class, ScenarioRunResource.class));

    @Test
    void shouldAdmitOnlyTheRolesTheEndpointAllows() {
        assertThat(roles.admits("POST", "/api/v1/determinations", with(Roles.SUBMITTER))).isTrue();
        assertThat(roles.admits("POST", "/api/v1/determinations", with(Roles.AUDITOR))).isFalse();
        assertThat(roles.admits("POST", "/api/v1/scenario-runs", with(Roles.SUBMITTER))).isFalse();
        assertThat(roles.admits("POST", "/api/v1/scenario-runs", with(Roles.REVIEWER))).isTrue();
        assertThat(roles.admits("POST", "/api/v1/determinations/0b8a3c1e-0000-4000-8000-000000000000/review-actions", with(Roles.REVIEWER))).isTrue();
        assertThat(roles.admits("POST", "/api/v1/determinations/0b8a3c1e-0000-4000-8000-000000000000/review-actions", with(Roles.AUDITOR))).isFalse();
    }

    @Test
    void shouldNotAdmitAPathOrMethodWithoutAWriteEndpoint() {
        assertThat(roles.admits("GET", "/api/v1/determinations", with(Roles.SUBMITTER))).isFalse();
        assertThat(roles.admits("POST", "/api/v1/determinations/x/y/z", with(Roles.SUBMITTER, Roles.REVIEWER, Roles.ADMIN))).isFalse();
        assertThat(roles.admits("POST", "/api/v1/determinationsX", with(Roles.SUBMITTER))).isFalse();
    }

    @Test
    void shouldReadPathTemplatesAsJaxRsDoes() {
        assertThat(WriteRoles.template("/api/v1/x", "{id}/y").matcher("/api/v1/x/abc/y").matches()).isTrue();
        assertThat(WriteRoles.template("/api/v1/x", "{id}/y").matcher("/api/v1/x/a/b/y").matches()).isFalse();
        assertThat(WriteRoles.template("/api/v1/x", "{id: \\d+}").matcher("/api/v1/x/12").matches()).isTrue();
        assertThat(WriteRoles.template("/api/v1/x", "{id: \\d+}").matcher("/api/v1/x/ab").matches()).isFalse();
        assertThat(WriteRoles.template("/api/v1/x.y", "").matcher("/api/v1/xzy").matches()).isFalse();
    }
}
