package org.origincheck.rulepack;

import java.util.Map;
import org.origincheck.domain.rules.RulePack;

/** A validated pack with the DRL sources the rules engine compiles (path in the pack -> text). */
public record LoadedRulePack(RulePack pack, Map<String, String> drl) {
}
