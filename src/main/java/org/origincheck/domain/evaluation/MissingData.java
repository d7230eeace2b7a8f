package org.origincheck.domain.evaluation;

import java.util.List;

/**
 * A fact the engine needed and did not have: the request field to supply, and why. {@code question}: a stable id for the
 * fact (e.g. {@code good.endUse}, {@code 8708.40:gear-box}, {@code materials[2].partOfGood}); {@code legalText}: the words of
 * the law the fact decides; {@code values}: the answers it can take (empty when it is a figure, such as a cost).
 */
public record MissingData(String field, String message, String question, String legalText, List<String> values) {

    public MissingData {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public MissingData(String field, String message) {
        this(field, message, null, null, List.of());
    }
}
