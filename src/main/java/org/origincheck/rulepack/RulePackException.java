package org.origincheck.rulepack;

import java.util.List;

/** A pack that cannot be loaded, with every problem found, each naming the file and line. */
public class RulePackException extends RuntimeException {

    private final List<String> problems;

    public RulePackException(String pack, List<String> problems) {
        super("rule pack " + pack + " is invalid and was not loaded:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
