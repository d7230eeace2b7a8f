package org.origincheck.domain.rules;

/**
 * A subheading of SOR/2020-155 Schedule 2 (Table 2.10.1 of the Agreement): a good referred to there is
 * originating if it is imported from the territory of a CUSMA country (s.3(7)). {@code narrowedTo}, when
 * set, is the tariff items or the description to which Schedule 2 limits the subheading; the engine matches
 * by subheading only, so such an entry can only make an answer less definite, never originating.
 */
public record ScheduleTwoGood(String subheading, String group, String narrowedTo) {

    /** The six digits, without the dot. */
    public String digits() {
        return subheading.replace(".", "");
    }
}
