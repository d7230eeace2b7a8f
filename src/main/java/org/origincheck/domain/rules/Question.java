package org.origincheck.domain.rules;

import java.util.Map;
import java.util.Objects;

/**
 * A condition the law states in words, not by HS provision ("pigments or preparations based on cadmium compounds of
 * subheading 3206.49", "any other good within that subheading"). The engine cannot see it in a classification, so the
 * producer answers it with a declaration ({@code good.declarations} or {@code materials[].declarations}) under the
 * stable {@code id}; {@code words} are the exact words of the rule text it decides.
 */
public record Question(String id, String words) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(words, "words");
    }

    /** The producer's answer, or null when the submission does not give one. */
    public Boolean answerIn(Map<String, Boolean> declarations) {
        return declarations == null ? null : declarations.get(id);
    }
}
