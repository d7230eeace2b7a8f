package org.origincheck.domain.hs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The correspondence between the HS 2022 subheadings a submission is classified in and the HS 2017 subheadings the rule texts
 * are written in, as the pack's correlation table gives it (every row of the table: an HS 2022 subheading, one HS 2017
 * subheading it corresponds to in whole or in part). A subheading of HS 2022 that the table relates only to itself reads the same
 * in both editions; a subheading that only HS 2022 has reads as its HS 2017 counterparts; a subheading in neither column is a
 * subheading of neither edition. A subheading whose number both editions have is read as that number where the table relates
 * it to itself, even if HS 2022 changed its scope (the table relates it to other HS 2017 subheadings as well: docs/hs-editions.md
 * says why and which). A number HS 2022 gave another meaning (the table does not relate it to itself) is read in HS 2022 from
 * {@code hs2022From}, the date the HTSUS took the edition in, and as the HS 2017 subheading before. {@code citation}: how a
 * reason names the table.
 */
public final class HsCorrelation {

    /** The edition a rule's text is written in, as far as the codes it names tell. */
    public enum RuleEdition {
        /** Every subheading the text names is an HS 2017 subheading (the pack's GN 11(o) texts). */
        HS2017,
        /** The text names a subheading created by HS 2022: it is read in the submission's own edition. */
        HS2022,
        /** The text names a subheading of neither HS 2017 nor HS 2022 (an earlier edition, such as the 2012 nomenclature of s.13). */
        EARLIER
    }

    /** How a submitted subheading reads in the rule texts' edition. */
    public sealed interface Reading {
    }

    /** The same subheading in both editions. */
    public record Same() implements Reading {
    }

    /** An HS 2022 subheading whose HS 2017 counterparts are these (six digits each, in the table's order). */
    public record Counterparts(List<String> hs2017) implements Reading {
        public Counterparts {
            hs2017 = List.copyOf(hs2017);
        }
    }

    /** A subheading of neither edition. */
    public record InNeither() implements Reading {
    }

    private static final Pattern SUBHEADING_IN_TEXT = Pattern.compile("(?<![\\d.])(\\d{4})\\.(\\d{2})(?:\\.\\d{2}){0,2}(?![\\d])");

    private final Map<String, List<String>> hs2022ToHs2017;
    private final Set<String> hs2017;
    private final LocalDate hs2022From;
    private final String citation;
    private final List<String> earlierEditionRuleIds;
    private final Map<String, RuleEdition> ruleEditions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code rows}: the table, each an HS 2022 and an HS 2017 subheading (six digits); {@code earlierEditionRuleIds}: prefixes of
     * the ids of rules whose text is in an earlier edition although every code it names still exists (the s.13 table).
     */
    public HsCorrelation(List<Map.Entry<String, String>> rows, LocalDate hs2022From, String citation, List<String> earlierEditionRuleIds) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        Set<String> old = new HashSet<>();
        for (Map.Entry<String, String> row : rows) {
            map.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
            old.add(row.getValue());
        }
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.hs2022ToHs2017 = frozen;
        this.hs2017 = Set.copyOf(old);
        this.hs2022From = hs2022From;
        this.citation = citation;
        this.earlierEditionRuleIds = earlierEditionRuleIds == null ? List.of() : List.copyOf(earlierEditionRuleIds);
    }

    public String citation() {
        return citation;
    }

    public int rows() {
        return hs2022ToHs2017.values().stream().mapToInt(List::size).sum();
    }

    public LocalDate hs2022From() {
        return hs2022From;
    }

    /**
     * How {@code code}, submitted for a determination as of {@code asOf}, reads in HS 2017. A subheading only HS 2022 has reads as
     * its counterparts whatever the date (it can be nothing else); a number both editions have reads as itself where the table
     * relates it to itself, and as its counterparts from {@link #hs2022From()} where HS 2022 gave the number another meaning; any
     * other is of neither edition.
     */
    public Reading read(HsCode code, LocalDate asOf) {
        String six = code.subheading();
        List<String> counterparts = hs2022ToHs2017.get(six);
        if (counterparts == null || counterparts.contains(six)) {
            return counterparts != null || hs2017.contains(six) ? new Same() : new InNeither();
        }
        if (hs2017.contains(six) && asOf.isBefore(hs2022From)) {
            return new Same();
        }
        return new Counterparts(counterparts);
    }

    /**
     * The edition a rule's text is written in: an id listed as of an earlier edition, or a text naming a subheading of neither
     * edition, is EARLIER; a text naming a subheading that only HS 2022 has is HS2022; any other is HS2017.
     */
    public RuleEdition editionOf(String ruleId, String hsScope, String text) {
        return ruleEditions.computeIfAbsent(ruleId + "\u0000" + hsScope + "\u0000" + text, k -> decideEdition(ruleId, hsScope, text));
    }

    private RuleEdition decideEdition(String ruleId, String hsScope, String text) {
        if (earlierEditionRuleIds.stream().anyMatch(ruleId::startsWith)) {
            return RuleEdition.EARLIER;
        }
        boolean hs2022Only = false;
        Matcher m = SUBHEADING_IN_TEXT.matcher((hsScope == null ? "" : hsScope) + " " + (text == null ? "" : text));
        while (m.find()) {
            String six = m.group(1) + m.group(2);
            if (six.endsWith("00")) {
                continue; // an undivided heading written as a subheading: not evidence of an edition
            }
            boolean inHs2017 = hs2017.contains(six);
            boolean inHs2022 = hs2022ToHs2017.containsKey(six);
            if (!inHs2017 && !inHs2022) {
                return RuleEdition.EARLIER;
            }
            hs2022Only |= !inHs2017;
        }
        return hs2022Only ? RuleEdition.HS2022 : RuleEdition.HS2017;
    }
}
