package org.origincheck.domain.evaluation;

import java.util.List;

/**
 * One test applied, with its outcome, a sentence a compliance officer can act on, the legal citation, and
 * the materials concerned. {@code alternative} names the product-rule alternative tested, if any.
 */
public record Reason(ReasonCode code, Outcome outcome, String message, String citation, List<String> materials,
                     String alternative) {

    public Reason {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
