package org.origincheck.rulepack.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.RulePackRegistry;

@Path("/api/v1")
// The README's role table: every role may read the encoded law, but only with a token that acts for a tenant
// (issue 14, finding 8), like every other /api/v1 call.
@jakarta.annotation.security.RolesAllowed({org.origincheck.security.Roles.SUBMITTER, org.origincheck.security.Roles.REVIEWER,
        org.origincheck.security.Roles.AUDITOR, org.origincheck.security.Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer")
@Tag(name = "Rule packs", description = "The encoded law: packs, their parameters and product-specific rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulePackResource {

    private final RulePackRegistry registry;

    private final org.origincheck.security.Caller caller;

    public RulePackResource(RulePackRegistry registry, org.origincheck.security.Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @GET
    @Path("rule-packs")
    @Operation(operationId = "listRulePacks", summary = "The loaded rule packs: id, version, sha256, effective dates, source documents, dated parameters")
    public List<RulePackView> packs() {
        caller.tenant();
        return registry.all().stream().map(RulePackView::of).toList();
    }

    public record ProductRuleAnswer(String hsCode, EndUse endUse, LocalDate asOf, String rulePack, String rulePackVersion,
                                    String status, String message, String missingField, List<ProductRuleView> rules) {
    }

    @GET
    @Path("product-rules")
    @Operation(operationId = "findProductRule", summary = "The product-specific rule that applies to an HS code",
            description = "status FOUND with the rule; NEEDS_MORE_DATA (e.g. the rule depends on endUse) with the candidate rules; 404 when the pack has none.")
    public ProductRuleAnswer productRules(
            @Parameter(description = "6 to 10 digits, dots optional", required = true, example = "8402.11") @QueryParam("hsCode") String hsCode,
            @QueryParam("endUse") EndUse endUse,
            @Parameter(description = "ISO date; default today (UTC)") @QueryParam("asOf") LocalDate asOf,
            @QueryParam("rulePack") String rulePack,
            @Parameter(description = "US, CA or MX: the CUSMA country the good is imported into. With importedFrom, chooses between a"
                    + " provision's text for trade between two Parties and its text for all other trade (a rule's 'trade'); without"
                    + " them such a provision answers NEEDS_MORE_DATA with both texts.") @QueryParam("importingCountry") String importingCountry,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the country the good is exported from, e.g. CA")
            @QueryParam("importedFrom") String importedFrom) {
        caller.tenant();
        if (importingCountry != null && !importingCountry.matches("US|CA|MX")) {
            throw ApiException.invalid("importingCountry", "must be US, CA or MX");
        }
        if (importedFrom != null && !importedFrom.matches("[A-Z]{2}")) {
            throw ApiException.invalid("importedFrom", "must be an ISO 3166-1 alpha-2 code such as CA");
        }
        if (hsCode == null || hsCode.isBlank()) {
            throw ApiException.invalid("hsCode", "is required");
        }
        HsCode code;
        try {
            code = HsCode.parse(hsCode);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("hsCode", e.getMessage());
        }
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        String id = rulePack == null ? "usmca" : rulePack;
        if (!registry.knows(id)) {
            throw ApiException.invalid("rulePack", "no rule pack '" + id + "' is loaded");
        }
        RulePack pack = registry.inForce(id, date).orElseThrow(() ->
                ApiException.unprocessable("asOf", "no version of rule pack '" + id + "' is in force on " + date));
        RuleLookup lookup = pack.productRules().lookup(code, endUse, null, date, importingCountry, importedFrom);
        if (lookup instanceof RuleLookup.Found found) {
            return new ProductRuleAnswer(code.formatted(), endUse, date, pack.id(), pack.version(), "FOUND", null, null,
                    List.of(ProductRuleView.of(found.rule())));
        }
        if (lookup instanceof RuleLookup.NeedsMoreData needs) {
            List<ProductRuleView> candidates = pack.productRules().all().stream()
                    .filter(r -> r.inForceOn(date) && covers(r, code)).map(ProductRuleView::of).toList();
            return new ProductRuleAnswer(code.formatted(), endUse, date, pack.id(), pack.version(), "NEEDS_MORE_DATA",
                    needs.message(), needs.field(), candidates);
        }
        throw ApiException.notFound(((RuleLookup.NotFound) lookup).message());
    }

    private static boolean covers(ProductRule rule, HsCode code) {
        return rule.scope().stream().anyMatch(r -> r.contains(code) != org.origincheck.domain.hs.Match.NO);
    }
}
