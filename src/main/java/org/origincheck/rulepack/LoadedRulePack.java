package org.origincheck.rulepack;

import java.util.Map;
import org.origincheck.domain.rules.RulePack;

/**
 * A validated pack with the DRL sources the rules engine compiles (path in the pack -> text), and warnings:
 * things a reviewer should look at that do not stop the pack (e.g. a hand-encoded rule its text parses differently).
 */
public record LoadedRulePack(RulePack pack, Map<String, String> drl, java.util.List<String> warnings) {
}
