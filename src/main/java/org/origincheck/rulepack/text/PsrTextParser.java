package org.origincheck.rulepack.text;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.dated.DatedValue;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.domain.dated.Threshold;

/**
 * Reads the verbatim legal wording of a product-specific rule (HTSUS General Note 11(o) / USMCA Annex
 * 4-B) into the structured alternatives of the rule pack, so the text stays the source of truth.
 *
 * <p>The parser is a strict recursive descent over the exact wording described in {@code rules/README.md}.
 * It never guesses: every character of the text must be matched by the grammar below, and anything else
 * gives {@link ParseResult.Unparsed} with a {@link Refusal} and the quoted fragment where reading stopped.
 *
 * <pre>
 * rule        := alternative "."                                   (label "A")
 *              | "(A) " alternative (("; " | "; or " | ", or ") "(B) " alternative)* ... "."
 *                (or "(a) ", "(b) ", ... : labels kept as printed)
 * alternative := "A change to " target " from " sources
 *                    [", whether or not there is also a change from " sources]
 *                    [", except from " provisions] [rvc]
 *              | "No change in tariff classification required" rvc
 *              | "No change in tariff classification to " target [" is required"] rvc
 *              | "No required change in tariff classification to " target rvc
 * target      := ["a good of "] ["any of "] provisions
 * sources     := source ((", or " | " or " | ", ") source)*
 * source      := "any other " LEVEL [", including another " LEVEL " within that group"]   AnyOther(LEVEL)
 *              | "any " LEVEL " outside that group"                         Outside(target)
 *              | "any " LEVEL " outside " provisions                         Outside(provisions)
 *              | provisions                                                 From(provisions)
 * provisions  := LEVELWORD item ((", " | " or " | ", or " | " and " | ", and ") [LEVELWORD] item)*
 * item        := CODE [" through " CODE]        CODE: 72 | 4 (chapter) | 7404 | 74.04 | 8402.90 | 7408.11.60
 * rvc         := ", provided there is " ("a regional value content" | "an RVC")
 *                  ( " of not less than: (1) P where the transaction value method is used; or (2) P where
 *                      the net cost method is used"          (markers (1)/(2), (i)/(ii) or (A)/(B))
 *                  | " of not less than (a) P under the transaction value method; or (b) P under the net cost method"
 *                  | " of not less than P under the net cost method"
 *                  | " under the net cost method of not less than P"
 *                  | " under the net cost method of not less than (a) P, beginning on DATE and ending on DATE;
 *                      (b) ...; and (d) P, beginning on DATE" )                  P: "60 percent" | "62.5%"
 * </pre>
 *
 * <p>"that group" must refer to the good's own provisions: a range or list of provisions at the level the
 * clause names. The end use ("For a good of subheading 8708.40 for use as original equipment in ...") is
 * refused, because {@link ParseResult.Parsed} has nowhere to put it.
 */
public final class PsrTextParser {

    /**
     * Why a text was refused. Every {@link ParseResult.Unparsed#reason()} starts with one of these messages
     * followed by {@code ": "}, so a coverage report can group refusals with {@link #of(String)}.
     */
    public enum Refusal {
        EMPTY("empty text"),
        NOT_A_CHANGE_RULE("not a rule of the form 'A change to ...' or 'No change in tariff classification ...'"),
        NOTWITHSTANDING("the text overrides other rules ('Notwithstanding ...')"),
        TRADE_DIRECTION("the rule applies only to trade between particular countries"),
        END_USE("the rule depends on the good's end use ('For a good ... for use in ...') in a form not read"),
        DATED_RULE("the rule applies only for a stated period ('Beginning on ...')"),
        TRUNCATED("the text does not end with a full stop (truncated?)"),
        ALTERNATIVE_LABELS("the alternatives are not labelled (A), (B), ... in sequence and joined by '; or'"),
        ALTERNATIVE_FORM("an alternative does not begin with 'A change to' or 'No change in tariff classification'"),
        GOOD_DESCRIBED("the good is described by words, not only by HS provisions"),
        MATERIAL_DESCRIBED("the materials are described by words or within the good's own provision"),
        FROM_CLAUSE("the 'from' clause is not in a recognised form"),
        PROVISION("an HS provision is malformed, reversed or named at the wrong level"),
        GROUP("'that group' does not refer to a group of the good's provisions at the level named"),
        WEIGHT_CONDITION("a condition by weight or volume"),
        ASSEMBLY_CONDITION("a cut-and-sewn or assembly condition"),
        OTHER_CONDITION("a condition other than a regional value content ('provided that ...')"),
        RVC_WORDING("the regional value content proviso is not in a recognised form"),
        RVC_MISSING("'No change in tariff classification' without a regional value content"),
        UNRECOGNISED("wording not recognised");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }

        /** The refusal a reason of {@link ParseResult.Unparsed} belongs to. */
        public static Optional<Refusal> of(String reason) {
            for (Refusal refusal : values()) {
                if (reason != null && reason.startsWith(refusal.message + ": ")) {
                    return Optional.of(refusal);
                }
            }
            return Optional.empty();
        }
    }

    private static final int QUOTE_LENGTH = 100;

    private static final String CODE = "(\\d{4}\\.\\d{2}\\.\\d{2}|\\d{4}\\.\\d{2}|\\d{2}\\.\\d{2}|\\d{4}|\\d{1,2})(?!\\d|\\.\\d)";
    private static final Pattern ITEM = Pattern.compile(CODE + "(?: through " + CODE + ")?");
    private static final Pattern STARTS_CODE = Pattern.compile("\\d");
    private static final Pattern LEVEL_WORD = Pattern.compile("(chapter|heading|subheading|tariff item)s? ");
    private static final Pattern SINGULAR_LEVEL = Pattern.compile("(chapter|heading|subheading|tariff item)(?![a-z])");
    private static final Pattern PROVISION_SEPARATOR = Pattern.compile(",? (?:or|and) |, ");
    private static final Pattern SOURCE_SEPARATOR = Pattern.compile(",? or |, ");

    private static final String PERCENT = "(\\d{1,3}(?:\\.\\d+)?)(?: percent|%)";
    /** ", provided there is"; also printed without the comma, and "provided there is also". */
    private static final Pattern PROVISO = Pattern.compile(",? provided there is (?:also )?(?=a regional value content|an RVC)");
    private static final Pattern PERCENT_ONLY = Pattern.compile(PERCENT);
    // Printed slips that do not change the meaning are read, each listed in rules/README.md: "transaction value is used"
    // or "net cost is used" (without "method"), "transaction value method; or" (without "is used"), ", or" for "; or",
    // "2)" for "(2)".
    private static final Pattern TV_AND_NC = Pattern.compile(" of not less than: \\((1|i|A)\\) " + PERCENT
            + " where the transaction value(?: method)?(?: is used)?[;,] or \\(?(2|ii|B)\\) " + PERCENT
            + " where the net cost(?: method)? is used");
    private static final Pattern TV_AND_NC_UNDER = Pattern.compile(" of not less than \\((a|1|i)\\) " + PERCENT
            + " under the transaction value method; or \\((b|2|ii)\\) " + PERCENT + " under the net cost method");
    private static final Pattern NC_OF = Pattern.compile(" of not less than " + PERCENT + " under the net cost method");
    private static final Pattern DATE = Pattern.compile(
            "(January|February|March|April|May|June|July|August|September|October|November|December) (\\d{1,2}), (\\d{4})");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

    private static final Pattern NOTWITHSTANDING = Pattern.compile("(?i)not ?withstanding\\b");
    private static final Pattern TRADE_DIRECTION = Pattern.compile("(?i)for the purposes of (?:all other trade|trade between)");
    private static final Pattern END_USE = Pattern.compile("(?:\\(\\d+\\) )?For (?:a|any other) good of ");
    private static final List<String> RULE_STARTS = List.of("(A) ", "(a) ", "A change to ",
            "No change in tariff classification", "No required change in tariff classification");

    /**
     * Parses the verbatim text of one rule. Constant thresholds take effect on {@code packStart} (the
     * pack's {@code effectiveFrom}), as the loader does for a plain percentage.
     */
    public ParseResult parse(String text, LocalDate packStart) {
        return parse(text, packStart, false);
    }

    /**
     * {@code datedRule}: the rule is dated in the pack ({@code effectiveFrom}/{@code effectiveTo}) because the text is printed
     * under a period heading the pack keeps as those dates ("Beginning on July 1, 2020 until January 1, 2023, the following rule
     * of origin shall apply to subheading 7312.10:"), or under a direction-of-trade heading the pack keeps as the rule's
     * {@code trade} ("For the purposes of trade between the territory of Canada and the territory of the United States of goods
     * of subheading 5509.31 ...", printed before the text the transcription quotes). Under "the following rule", a lone "(a)" is
     * the whole rule, as it is when the heading is part of the text; elsewhere a lone "(a)" suggests the rest was lost and is
     * refused.
     */
    public ParseResult parse(String text, LocalDate packStart, boolean datedRule) {
        Objects.requireNonNull(packStart, "packStart");
        if (text == null || text.isBlank()) {
            return new ParseResult.Unparsed(Refusal.EMPTY.message + ": nothing to read");
        }
        // Hook (PrintedSlips): printed slips with one meaning only are read as meant, each reported by PrintedSlips.read.
        String normalized = PrintedSlips.read(text.strip().replaceAll("\\s+", " ")).text();
        try {
            Matcher dated = STATED_PERIOD.matcher(normalized);
            if (dated.lookingAt()) {
                return statedPeriod(dated, normalized, packStart);
            }
            // Hook (TradePreambles): "For the purposes of trade between the territory of Mexico and ... the following rule of origin applies:".
            PreambleReading<TradePreambles.Preamble> forTrade = TradePreambles.read(normalized);
            if (forTrade instanceof PreambleReading.Refused<TradePreambles.Preamble> no) {
                return new ParseResult.Unparsed(Refusal.TRADE_DIRECTION.message + ": " + no.what() + " at " + quote(normalized, 0));
            }
            if (forTrade instanceof PreambleReading.Read<TradePreambles.Preamble> read) {
                TradePreambles.Preamble p = read.preamble();
                return new ParseResult.Parsed(rule(read.rule(), packStart, true), null, null,
                        new ParseResult.ForTrade(p.provisions(), p.trade(), p.words()));
            }
            // Hook (EndUsePreambles): "For a good of subheading 8708.50 for use in a heavy truck: (A) ..." names the end uses.
            PreambleReading<EndUsePreambles.Preamble> preamble = EndUsePreambles.read(normalized);
            if (preamble instanceof PreambleReading.Refused<EndUsePreambles.Preamble> no) {
                return new ParseResult.Unparsed(Refusal.END_USE.message + ": " + no.what() + " at " + quote(normalized, 0));
            }
            if (preamble instanceof PreambleReading.Read<EndUsePreambles.Preamble> read) {
                ParseResult.ForUse forUse = new ParseResult.ForUse(read.preamble().provisions(), read.preamble().endUses(),
                        read.preamble().anyOther(), read.preamble().words());
                // A lone "(A)" under an end-use preamble is the whole rule: GN 11(o) 8708.99 rule 50 prints "For a chassis frame ...
                // for use in a passenger vehicle or light truck: (A) No change ..." where SOR/2020-155 s.13, 8708.99 (1), states that
                // one requirement alone.
                return new ParseResult.Parsed(rule(read.rule(), packStart, true), null, forUse);
            }
            return new ParseResult.Parsed(rule(normalized, packStart, datedRule));
        } catch (Refused refused) {
            return new ParseResult.Unparsed(refused.reason);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The whole text and its alternatives

    private record Piece(String label, String where, String text) {
    }

    /**
     * "Beginning on July 1, 2020 until July 1, 2025, the following rules of origin shall apply to subheadings 8504.21
     * through 8504.34: (a) ..." and "Beginning on July 1, 2025, and thereafter, ...". The period is returned with the
     * alternatives so the loader can check it against the rule's effectiveFrom / effectiveTo. "until" a date is read as
     * ending the day before it: the next period of the same provisions begins on that date ("Beginning on July 1, 2025").
     */
    private ParseResult statedPeriod(Matcher dated, String text, LocalDate packStart) {
        Cursor c = new Cursor(text, "");
        c.accept("Beginning on ");
        LocalDate from = date(c, 0);
        LocalDate to = null;
        if (c.accept(" until ")) {
            to = date(c, 0).minusDays(1);
        } else if (!c.accept(", and thereafter")) {
            throw c.fail(Refusal.DATED_RULE, "expected 'until <date>' or ', and thereafter'");
        }
        boolean single;
        if (c.accept(", the following rules of origin shall apply to ")) {
            single = false;
        } else if (c.accept(", the following rule of origin shall apply to ")) {
            single = true;
        } else {
            throw c.fail(Refusal.DATED_RULE, "expected ', the following rule(s) of origin shall apply to <provisions>:'");
        }
        List<HsRange> provisions = provisions(c).orElseThrow(() -> c.fail(Refusal.DATED_RULE, "the period's provisions are not HS provisions"));
        if (!c.accept(": ")) {
            throw c.fail(Refusal.DATED_RULE, "expected ':' after the provisions");
        }
        if (to != null && to.isBefore(from)) {
            throw c.fail(Refusal.DATED_RULE, "the period ends before it begins", 0);
        }
        List<RuleAlternative> alternatives = rule(c.rest(), packStart, single);
        return new ParseResult.Parsed(alternatives, new ParseResult.Period(from, to, provisions));
    }

    private static final Pattern STATED_PERIOD = Pattern.compile("Beginning on ");

    private List<RuleAlternative> rule(String text, LocalDate packStart, boolean singleLabelled) {
        Matcher trade = TRADE_DIRECTION.matcher(text);
        if (trade.find()) {
            throw refuse(Refusal.TRADE_DIRECTION, "", "trade-specific wording", text, trade.start());
        }
        if (NOTWITHSTANDING.matcher(text).lookingAt()) {
            throw refuse(Refusal.NOTWITHSTANDING, "", "the text begins", text, 0);
        }
        if (END_USE.matcher(text).lookingAt()) {
            throw refuse(Refusal.END_USE, "", "the text begins", text, 0);
        }
        if (RULE_STARTS.stream().noneMatch(text::startsWith)) {
            throw refuse(Refusal.NOT_A_CHANGE_RULE, "", "the text begins", text, 0);
        }
        if (!text.endsWith(".")) {
            throw refuse(Refusal.TRUNCATED, "", "the text ends", text, Math.max(0, text.length() - 60));
        }
        String body = text.substring(0, text.length() - 1);
        List<RuleAlternative> alternatives = new ArrayList<>();
        List<Question> described = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (Piece piece : split(body, singleLabelled)) {
            alternatives.add(alternative(piece, packStart, described, targets));
        }
        if (targets.stream().anyMatch(Target::otherTariffItems) && !targets.stream().allMatch(Target::otherTariffItems)) {
            throw refuse(Refusal.GOOD_DESCRIBED, "", "'any other good' where no earlier alternative of the text describes a good, and a"
                    + " later one does not say the same", text, 0);
        }
        DescribedGoods.narrowerThanRule(targets.stream().filter(t -> !t.conditions().isEmpty()).map(Target::ranges).toList(),
                targets.stream().filter(t -> t.conditions().isEmpty()).map(Target::ranges).toList()).ifPresent(what -> {
                    throw refuse(Refusal.GOOD_DESCRIBED, "", what, text, 0);
                });
        return alternatives;
    }

    /** "(A) ...; or (B) ...": the labels must run in sequence, each after "; ", "; or " or ", or ". */
    private static List<Piece> split(String body, boolean singleLabelled) {
        char label;
        if (body.startsWith("(A) ")) {
            label = 'A';
        } else if (body.startsWith("(a) ")) {
            label = 'a';
        } else {
            return List.of(new Piece("A", "", body));
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 4;
        while (true) {
            char next = (char) (label + 1);
            String marker = " (" + next + ") ";
            int at = body.indexOf(marker, start);
            if (at < 0) {
                pieces.add(piece(label, body.substring(start)));
                break;
            }
            String before = body.substring(start, at + 1);
            int end;
            if (before.endsWith("; or ")) {
                end = at + 1 - "; or ".length();
            } else if (before.endsWith(", or ")) {
                // "(A) ..., or (B) ...": the alternatives are still labelled in sequence (GN 11(o), 8507.10-8507.50)
                end = at + 1 - ", or ".length();
            } else if (before.endsWith("; ")) {
                end = at + 1 - "; ".length();
            } else {
                throw refuse(Refusal.ALTERNATIVE_LABELS, "", "(" + next + ") does not follow '; or' or '; '",
                        body, Math.max(start, at - 40));
            }
            pieces.add(piece(label, withoutStop(body.substring(start, end))));
            start = at + marker.length();
            label = next;
        }
        // "the following rule of origin shall apply to ...: (a) ..." labels its only alternative; elsewhere a lone "(a)"
        // suggests the rest of the text was lost.
        if (pieces.size() == 1 && !singleLabelled) {
            throw refuse(Refusal.ALTERNATIVE_LABELS, "", "(" + pieces.get(0).label() + ") is the only alternative", body, 0);
        }
        // The last alternative printed after "; " without "or" ("(A) ...; (B) ...") is still an alternative: labelled
        // alternatives of a product-specific rule are alternatives whatever the conjunction (SOR/2020-155 s.3(6)).
        return pieces;
    }

    /**
     * A printed slip: an alternative ended with a full stop before "; or (C)" (GN 11(o) 8418.29, 8471.50, 8508.19, 8508.70:
     * "... 50 percent where the net cost method is used.; or (C) ..."). The full stop ends nothing the "; or" does not.
     */
    private static String withoutStop(String alternative) {
        return alternative.endsWith(".") && !alternative.endsWith("..") ? alternative.substring(0, alternative.length() - 1) : alternative;
    }

    private static Piece piece(char label, String text) {
        return new Piece(String.valueOf(label), "alternative (" + label + "): ", text);
    }

    private RuleAlternative alternative(Piece piece, LocalDate packStart, List<Question> described, List<Target> targets) {
        Cursor c = new Cursor(piece.text(), piece.where());
        if (c.accept("A change to ")) {
            Target good = target(c, described);
            targets.add(good);
            List<HsRange> target = good.ranges();
            if (!c.accept(" from ")) {
                throw c.fail(c.startsWith(",") || c.startsWith(" of ") ? Refusal.GOOD_DESCRIBED : Refusal.UNRECOGNISED,
                        "expected ' from ' after the good's provisions");
            }
            List<ShiftSource> from = new ArrayList<>(sources(c, target));
            if (c.accept(", whether or not there is also a change from ")) {
                from.addAll(sources(c, target));
            }
            List<HsRange> except = new ArrayList<>();
            List<DescribedProvisions> exceptDescribed = new ArrayList<>();
            List<MoreThanOneOf> exceptMoreThanOne = new ArrayList<>();
            if (c.accept(", except from ")) {
                exceptions(c, target, from, except, exceptDescribed, exceptMoreThanOne);
                int at = c.pos;
                if (c.accept(", whether or not there is also a change from ")) {
                    // Hook (ExceptionBeforeWhether): "..., except from subheadings 2009.11 through 2009.39, whether or not there is
                    // also a change from any other chapter" (2009.90): read only where the order cannot change what is excepted.
                    List<ShiftSource> also = sources(c, target);
                    String conflict = ExceptionBeforeWhether.conflict(target, except, exceptDescribed,
                            exceptMoreThanOne.isEmpty() ? null : exceptMoreThanOne.get(0), also);
                    if (conflict != null) {
                        throw c.fail(Refusal.UNRECOGNISED, conflict, at);
                    }
                    from.addAll(also);
                }
            }
            RvcRequirement rvc = c.lookingAt(PROVISO) ? rvc(c, packStart) : null;
            List<Proviso> provisos = proviso(c, target);
            end(c);
            return new RuleAlternative(piece.label(), new TariffShift(from, except, exceptDescribed,
                    exceptMoreThanOne.isEmpty() ? null : exceptMoreThanOne.get(0)), rvc, good.conditions(), provisos);
        }
        List<GoodCondition> conditions = List.of();
        List<HsRange> named = List.of();
        if (c.accept("No change in tariff classification required")) {
            // nothing else names the good
        } else if (c.accept("No change in tariff classification to ")) {
            Target good = target(c, described);
            targets.add(good);
            conditions = good.conditions();
            named = good.ranges();
            c.accept(" is required");
            if (c.accept(", whether or not there is also a change from ")) {
                // "No change ... to a good of subheading 3301.29, whether or not there is also a change from any other chapter,
                // provided there is a regional value content ...": with no change required, a change from anywhere meets it too,
                // so the clause adds nothing; it is read (it must be well formed) and the alternative is the RVC alone.
                sources(c, good.ranges());
            }
        } else if (c.accept("No required change in tariff classification to ")) {
            Target good = target(c, described);
            targets.add(good);
            conditions = good.conditions();
            named = good.ranges();
        } else {
            throw c.fail(END_USE.matcher(piece.text()).lookingAt() ? Refusal.END_USE : Refusal.ALTERNATIVE_FORM,
                    "the alternative begins");
        }
        if (c.atEnd()) {
            throw c.fail(Refusal.RVC_MISSING, "no 'provided there is a regional value content' follows", 0);
        }
        if (!c.lookingAt(PROVISO)) {
            // "No required change in tariff classification to a good of subheadings 2208.30 through 2208.70, provided that ...":
            // the proviso is the whole requirement.
            List<Proviso> provisos = named.isEmpty() ? List.of() : proviso(c, named);
            if (provisos.isEmpty()) {
                throw remainder(c);
            }
            end(c);
            return new RuleAlternative(piece.label(), null, null, conditions, provisos);
        }
        RvcRequirement rvc = rvc(c, packStart);
        end(c);
        return new RuleAlternative(piece.label(), null, rvc, conditions);
    }

    /** Hook (RuleProvisos): ", provided that ..." after the shift or RVC; empty when the rest is not a proviso it reads. */
    private static List<Proviso> proviso(Cursor c, List<HsRange> target) {
        // Hook (CutAndSewnConditions): "provided that the good is both cut (or knit to shape) and sewn ..." (chapters 61-63).
        CutAndSewnConditions.Result cutAndSewn = CutAndSewnConditions.read(c.rest(), target);
        if (cutAndSewn instanceof CutAndSewnConditions.Refused no) {
            throw c.fail(Refusal.ASSEMBLY_CONDITION, no.what());
        }
        if (cutAndSewn instanceof CutAndSewnConditions.Read read) {
            c.pos = c.text.length();
            return read.provisos();
        }
        RuleProvisos.Result result = RuleProvisos.read(c.rest(), target);
        if (result instanceof RuleProvisos.Refused no) {
            throw c.fail(no.refusal(), no.what());
        }
        if (result instanceof RuleProvisos.Read read) {
            c.pos = c.text.length();
            return List.of(read.proviso());
        }
        return List.of();
    }

    /** The whole of {@code text} as a list of HS provisions ("headings 7208 through 7229 and 7301 through 7326"), or empty. */
    static Optional<List<HsRange>> provisionsOf(String text) {
        Cursor c = new Cursor(text, "");
        try {
            Optional<List<HsRange>> ranges = provisions(c);
            return ranges.isPresent() && c.atEnd() ? ranges : Optional.empty();
        } catch (Refused refused) {
            return Optional.empty();
        }
    }

    private static void end(Cursor c) {
        if (!c.atEnd()) {
            throw remainder(c);
        }
    }

    /** Names the kind of wording left over after the last clause that was understood. */
    private static Refused remainder(Cursor c) {
        String rest = c.rest().toLowerCase(Locale.ROOT);
        Refusal kind;
        if (rest.matches(",? (?:and )?provided\\b.*")) {
            if (rest.contains("by weight") || rest.contains("by volume")) {
                kind = Refusal.WEIGHT_CONDITION;
            } else if ((rest.contains(" cut") && rest.contains("sewn")) || rest.contains("assembled")) {
                kind = Refusal.ASSEMBLY_CONDITION;
            } else if (rest.contains("regional value content") || rest.contains(" rvc")) {
                kind = Refusal.RVC_WORDING;
            } else {
                kind = Refusal.OTHER_CONDITION;
            }
        } else if (rest.startsWith(" within ")) {
            kind = Refusal.FROM_CLAUSE;
        } else {
            kind = Refusal.UNRECOGNISED;
        }
        return c.fail(kind, "not understood");
    }

    // ------------------------------------------------------------------------------------------------
    // Provisions and "from" clauses

    /** The good an alternative is for: its provisions, and when it is described in words, the declaration that decides it. */
    private record Target(List<HsRange> ranges, List<GoodCondition> conditions, boolean otherTariffItems) {
        Target(List<HsRange> ranges, List<GoodCondition> conditions) {
            this(ranges, conditions, false);
        }
    }

    /**
     * "subheading 8540.79", "a good of subheadings 0907.10 through 0907.20", "klystrons of subheading 8540.79" (a good
     * described in words: the alternative applies when the good is declared to be one), "any other good of subheading
     * 8540.79" (when it is declared to be none of the goods the rule's earlier alternatives describe).
     */
    private static Target target(Cursor c, List<Question> described) {
        int start = c.pos;
        if (c.accept("any other good of ")) {
            List<HsRange> ranges = provisions(c).orElseThrow(() -> c.fail(Refusal.GOOD_DESCRIBED, "the good is not named by HS provisions"));
            if (described.isEmpty()) {
                // GN 11(o) 8536.30 rule 82, printed after rule 81 for tariff item 8536.30.40: "(A) A change to any other good of
                // subheading 8536.30 ...; or (B) A change to any other good of subheading 8536.30 ...". No alternative of the text
                // describes a good, so "other" is other than the goods of the tariff-item rules printed before it: the subheading's
                // rule for its other tariff items, read as "any other tariff item within" (below). RuleBookValidator checks that
                // the pack holds such a tariff-item rule; a text that also describes a good is refused (rule()).
                if (ranges.size() != 1 || ranges.get(0).level() != HsLevel.SUBHEADING || !ranges.get(0).isSingle()) {
                    throw c.fail(Refusal.GOOD_DESCRIBED, "'any other good' where no earlier alternative of the text describes a good", start);
                }
                return new Target(ranges, List.of(), true);
            }
            return new Target(ranges, described.stream().map(q -> new GoodCondition(q, false)).toList());
        }
        if (c.accept("any other tariff item within ")) {
            // GN 11(o) 8471.80 rule 207, after the rules for tariff items 8471.80.10 and 8471.80.40: the subheading's rule for its
            // other tariff items. The index already lets a tariff-item rule prevail and asks for 8 digits where one exists under
            // the good's subheading (RuleBookValidator checks that one does), so the good is the subheading's.
            List<HsRange> ranges = provisions(c).orElseThrow(() -> c.fail(Refusal.GOOD_DESCRIBED, "the good is not named by HS provisions"));
            if (ranges.size() != 1 || ranges.get(0).level() != HsLevel.SUBHEADING) {
                throw c.fail(Refusal.GOOD_DESCRIBED, "'any other tariff item within' must name one subheading", start);
            }
            return new Target(ranges, List.of());
        }
        c.accept("a good of ");
        c.accept("any of ");
        if (c.lookingAt(STARTS_CODE)) {
            throw c.fail(Refusal.PROVISION, "a provision number without 'chapter', 'heading', 'subheading' or 'tariff item'");
        }
        Optional<List<HsRange>> named = provisions(c);
        if (named.isPresent()) {
            return new Target(named.get(), List.of());
        }
        Optional<DescribedProvisions> words = describedOf(c);
        DescribedGoods.Trailing trailing = words.isEmpty() ? null : DescribedGoods.after(c.text, c.pos);
        if (trailing != null) {
            // Hook: words after the provision describe the good too (DescribedGoods); the question is the whole description.
            String all = c.text.substring(start, trailing.wordsEnd());
            c.pos = trailing.resumeAt();
            Question asked = DescribedGoods.sameWords(described, all).orElse(question(words.get().ranges(), all, all));
            words = Optional.of(new DescribedProvisions(words.get().ranges(), asked, true));
        }
        // " provided there is" without a comma (9013.80 (B)) is the RVC proviso, read as it is after provisions.
        if (words.isEmpty() || !(c.startsWith(" from ") || c.startsWith(",") || c.startsWith(" is required") || c.atEnd()
                || c.startsWith(" provided there is "))) {
            throw c.fail(Refusal.GOOD_DESCRIBED, "the good is not named by HS provisions", start);
        }
        Question question = words.get().question();
        if (!described.contains(question)) {
            described.add(question);
        }
        return new Target(words.get().ranges(), List.of(new GoodCondition(question, true)));
    }

    /**
     * Words that may describe a good or material: no clause punctuation, no provision of their own; a decimal point only between
     * digits ("foil of a thickness not exceeding 0.15 mm (excluding backing) of heading 7905").
     */
    private static final Pattern DESCRIPTION = Pattern.compile(
            "([A-Za-z\"](?:[A-Za-z0-9\"'(),/ -]|(?<=\\d)\\.(?=\\d))*?),? of (?=(?:chapter|heading|subheading|tariff item)s? \\d)");
    private static final Pattern DESCRIPTION_WITHIN = Pattern.compile(
            "([A-Za-z\"][A-Za-z0-9\"'(),/ -]*?) within (that|those) (chapter|heading|subheading|tariff item)s?(?![a-z])");

    /** "housings of subheadings 8467.91 or 8467.99": words, then the provisions they are found in. */
    private static Optional<DescribedProvisions> describedOf(Cursor c) {
        int start = c.pos;
        Matcher m = c.accept(DESCRIPTION);
        if (m == null || startsClause(m.group(1))) {
            c.pos = start;
            return Optional.empty();
        }
        Optional<List<HsRange>> ranges = provisions(c, false);
        if (ranges.isEmpty()) {
            c.pos = start;
            return Optional.empty();
        }
        String words = c.text.substring(start, c.pos);
        return Optional.of(new DescribedProvisions(ranges.get(), question(ranges.get(), m.group(1), words), true));
    }

    /** Words that begin another clause of the grammar are not a description. */
    private static boolean startsClause(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        return lower.startsWith("any ") || lower.startsWith("another ") || lower.startsWith("within ") || lower.startsWith("from ")
                || lower.startsWith("except") || lower.startsWith("whether") || lower.startsWith("provided") || lower.equals("any")
                || lower.contains(" from ") || lower.contains("except ") || lower.contains(" or any ") || lower.contains("provided ")
                || lower.contains("whether ") || lower.contains("percent") || lower.contains(" change ")
                || ALTERNATIVE_LABEL.matcher(words).find() || words.chars().filter(ch -> ch == '(').count() != words.chars().filter(ch -> ch == ')').count();
    }

    private static final Pattern ALTERNATIVE_LABEL = Pattern.compile("\\([A-Za-z0-9]{1,4}\\) ");

    /**
     * A stable question id: the provisions the words are found in, then the words as a slug
     * ({@code 3206.49:pigments-or-preparations-based-on-cadmium-compounds}). Ids are at most 80 characters (the API's
     * limit); a longer slug is cut at a word and ends with a digest of the full words, so two descriptions never share one.
     */
    static Question question(List<HsRange> ranges, String description, String words) {
        String key = String.join("_", ranges.stream().map(HsRange::toString).toList());
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String id = key + ":" + slug;
        if (id.length() > 80) {
            String digest = sha256(words).substring(0, 8);
            String cut = id.substring(0, 80 - digest.length() - 1);
            int hyphen = cut.lastIndexOf('-');
            if (hyphen > key.length() + 1) {
                cut = cut.substring(0, hyphen);
            }
            id = cut + "-" + digest;
        }
        return new Question(id, words);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ", except from headings 7208 through 7229, housings of subheading 8467.91 or any subheading within that group":
     * provisions, materials described by words within provisions, or the good's own group.
     */
    private static void exceptions(Cursor c, List<HsRange> target, List<ShiftSource> from, List<HsRange> except,
                                   List<DescribedProvisions> described, List<MoreThanOneOf> moreThanOne) {
        while (true) {
            int at = c.pos;
            Optional<List<HsRange>> ranges = provisions(c);
            if (ranges.isPresent()) {
                except.addAll(ranges.get());
            } else if (c.accept("any other good of ")) {
                // "from yarn of combed camel hair or combed cashmere of subheading 5108.20 or any other heading, except from
                // headings 5106 through 5107, any other good of heading 5108, or ..." (5112.11 and 5112.19, Canada-US trade): the
                // good produced is not of heading 5108, so "other" can only be other than the materials the alternative's "from"
                // clause describes within it. The exception is the rest of the heading's provisions, and within the described
                // materials' own provisions, a material declared not to be one of them.
                List<HsRange> within = provisions(c, false).orElseThrow(() -> c.fail(Refusal.MATERIAL_DESCRIBED,
                        "'any other good of' does not name HS provisions", at));
                List<DescribedProvisions> named = from.stream().filter(s -> s instanceof ShiftSource.Described)
                        .map(s -> ((ShiftSource.Described) s).materials()).filter(d -> d.required()).toList();
                List<HsRange> rest = named.size() == 1 ? OtherGoodsOf.rest(within, named.get(0).ranges()) : null;
                if (rest == null) {
                    throw c.fail(Refusal.MATERIAL_DESCRIBED, "'any other good of' in an exception, where the 'from' clause does not"
                            + " describe one material of a narrower provision within it", at);
                }
                except.addAll(rest);
                described.add(new DescribedProvisions(named.get(0).ranges(), named.get(0).question(), false));
            } else if (MoreThanOneOfExceptions.startsAt(c.text, c.pos)) {
                // Hook: "except from more than one of the following: (A) ..., (B) ..." (MoreThanOneOfExceptions).
                MoreThanOneOfExceptions.Result read = MoreThanOneOfExceptions.read(c.text, c.pos);
                if (read instanceof MoreThanOneOfExceptions.Result.Refused refused) {
                    throw c.fail(Refusal.MATERIAL_DESCRIBED, refused.what(), refused.at());
                }
                if (!moreThanOne.isEmpty()) {
                    throw c.fail(Refusal.MATERIAL_DESCRIBED, "a second 'more than one of the following' in one exception", at);
                }
                MoreThanOneOfExceptions.Result.Read done = (MoreThanOneOfExceptions.Result.Read) read;
                moreThanOne.add(done.exception());
                c.pos = done.end();
                return;
            } else if (c.lookingAt(ANY_WITHIN_THAT_GROUP)) {
                Matcher m = c.accept(ANY_WITHIN_THAT_GROUP);
                HsLevel level = levelOfWord(m.group(1));
                if (!isGroup(target, level)) {
                    throw c.fail(Refusal.GROUP, "the good's provisions are not a group of " + level.legalName() + "s", at);
                }
                except.addAll(target);
            } else if (ComponentAssemblies.startsAt(c.text, c.pos)) {
                // Hook (ComponentAssemblies): "assemblies incorporating more than one of the following: compressor, ...".
                ComponentAssemblies.Read read = ComponentAssemblies.read(c.text, c.pos).orElseThrow(() -> c.fail(Refusal.MATERIAL_DESCRIBED,
                        "the components after 'assemblies incorporating more than one of the following' are not a plain list", at));
                described.add(read.materials());
                c.pos = read.end();
            } else {
                Optional<DescribedProvisions> words = describedOf(c);
                if (words.isEmpty()) {
                    throw c.fail(Refusal.MATERIAL_DESCRIBED, "the exception does not name HS provisions", at);
                }
                described.add(words.get());
            }
            int save = c.pos;
            if (c.accept(SOURCE_SEPARATOR) == null) {
                return;
            }
            if (c.startsWith("provided") || c.startsWith("whether")) {
                c.pos = save;
                return;
            }
        }
    }

    private static final Pattern ANY_WITHIN_THAT_GROUP =
            Pattern.compile("any (chapter|heading|subheading|tariff item) within that group");

    /** Provisions named after a description, up to the next level word, and where they end in the text. */
    record ProvisionsAt(List<HsRange> ranges, int end) {
    }

    /** Hook (ComponentAssemblies): the provisions at {@code pos} as after a description ("... handles of subheading 8418.99"), or null. */
    static ProvisionsAt provisionsAt(String text, int pos) {
        Cursor c = new Cursor(text, "");
        c.pos = pos;
        try {
            Optional<List<HsRange>> ranges = provisions(c, false);
            return ranges.map(r -> new ProvisionsAt(r, c.pos)).orElse(null);
        } catch (Refused malformed) {
            return null;
        }
    }

    /** The whole of {@code text} read as a list of provisions ("tariff items 8466.93.15, 8466.93.30 or 8466.93.53"), or null. */
    static List<HsRange> provisionsExactly(String text) {
        Cursor c = new Cursor(text, "");
        try {
            Optional<List<HsRange>> ranges = provisions(c);
            return ranges.isPresent() && c.atEnd() ? ranges.get() : null;
        } catch (Refused malformed) {
            return null;
        }
    }

    /** A list of provisions starting with a level word, or empty when the text here does not start with one. */
    private static Optional<List<HsRange>> provisions(Cursor c) {
        return provisions(c, true);
    }

    /**
     * With {@code newLevelWord} false, the list ends at the next level word: in "housings of subheadings 8467.91 or
     * 8467.99 or heading 8501" the words describe only the subheadings, and "heading 8501" is a clause of its own.
     */
    private static Optional<List<HsRange>> provisions(Cursor c, boolean newLevelWord) {
        int start = c.pos;
        Matcher word = c.accept(LEVEL_WORD);
        if (word == null) {
            return Optional.empty();
        }
        HsLevel level = levelOfWord(word.group(1));
        List<HsRange> ranges = new ArrayList<>();
        ranges.add(item(c, level, start));
        while (true) {
            int save = c.pos;
            if (c.accept(PROVISION_SEPARATOR) == null) {
                break;
            }
            int itemStart = c.pos;
            Matcher next = newLevelWord ? c.accept(LEVEL_WORD) : null;
            if (next != null) {
                level = levelOfWord(next.group(1));
                ranges.add(item(c, level, itemStart));
            } else if (c.lookingAt(STARTS_CODE)) {
                ranges.add(item(c, level, itemStart));
            } else {
                c.pos = save;
                break;
            }
        }
        return Optional.of(ranges);
    }

    private static HsRange item(Cursor c, HsLevel level, int itemStart) {
        Matcher m = c.accept(ITEM);
        if (m == null) {
            throw c.fail(Refusal.PROVISION, "expected a " + level.legalName() + " number", itemStart);
        }
        String from = digits(m.group(1), level);
        String to = m.group(2) == null ? from : digits(m.group(2), level);
        if (from.length() != level.digits() || to.length() != level.digits()) {
            throw c.fail(Refusal.PROVISION, "'" + m.group() + "' is not a " + level.legalName() + " number", itemStart);
        }
        if (from.compareTo(to) > 0) {
            throw c.fail(Refusal.PROVISION, "the range '" + m.group() + "' is reversed", itemStart);
        }
        return new HsRange(level, from, to);
    }

    /** The digits of a provision number; chapters 1 to 9 are printed without the leading zero ("chapter 4"). */
    private static String digits(String code, HsLevel level) {
        String digits = code.replace(".", "");
        return level == HsLevel.CHAPTER && digits.length() == 1 ? "0" + digits : digits;
    }

    private static HsLevel levelOfWord(String word) {
        return switch (word) {
            case "chapter" -> HsLevel.CHAPTER;
            case "heading" -> HsLevel.HEADING;
            case "subheading" -> HsLevel.SUBHEADING;
            case "tariff item" -> HsLevel.TARIFF_ITEM;
            default -> throw new IllegalStateException("no HS level named " + word);
        };
    }

    private static List<ShiftSource> sources(Cursor c, List<HsRange> target) {
        List<ShiftSource> sources = new ArrayList<>();
        ShiftSource first = source(c, target);
        if (first == null) {
            boolean described = !c.startsWith("any") && !c.startsWith("another") && !c.lookingAt(STARTS_CODE);
            throw c.fail(described ? Refusal.MATERIAL_DESCRIBED : Refusal.FROM_CLAUSE,
                    "expected 'any other <level>', 'any <level> outside ...' or HS provisions");
        }
        sources.add(first);
        while (true) {
            int save = c.pos;
            if (c.accept(SOURCE_SEPARATOR) == null) {
                break;
            }
            c.accept("from "); // "... of subheading 0904.21 or from any other chapter"
            ShiftSource next = source(c, target);
            if (next == null) {
                c.pos = save;
                break;
            }
            sources.add(next);
        }
        return sources;
    }

    // "these subheadings" (GN 11(o) 3101-3105, "any other good within these subheadings") names the good's own group, as "those" does.
    private static final Pattern WITHIN_OWN = Pattern.compile("within (that|those|these|the same) (chapter|heading|subheading|tariff item)s?(?![a-z])");

    /** One "from" clause, or null when the text here does not start one. */
    private static ShiftSource source(Cursor c, List<HsRange> target) {
        int start = c.pos;
        if (ComponentAssemblies.startsAt(c.text, c.pos)) {
            // Hook (ComponentAssemblies): "from ... or assemblies incorporating more than one of the following: compressor, ...".
            ComponentAssemblies.Read read = ComponentAssemblies.read(c.text, c.pos).orElseThrow(() -> c.fail(Refusal.MATERIAL_DESCRIBED,
                    "the components after 'assemblies incorporating more than one of the following' are not a plain list", start));
            c.pos = read.end();
            return new ShiftSource.Described(read.materials());
        }
        if (MoreThanOneOfSources.startsAt(c.text, c.pos)) {
            // Hook (MoreThanOneOfSources): "from more than one of the following: (1) ..., whether or not ... any other heading".
            MoreThanOneOfSources.Result read = MoreThanOneOfSources.read(c.text, c.pos, target);
            if (read instanceof MoreThanOneOfSources.Result.Refused no) {
                throw c.fail(Refusal.MATERIAL_DESCRIBED, no.what(), no.at());
            }
            MoreThanOneOfSources.Result.Read done = (MoreThanOneOfSources.Result.Read) read;
            c.pos = done.end();
            return done.source();
        }
        Matcher within = c.accept(WITHIN_OWN);
        if (within != null) {
            // "from within that subheading": any material of the good's own provision (or, "those", of its group).
            HsLevel level = levelOfWord(within.group(2));
            if (level != target.get(0).level()) {
                throw c.fail(Refusal.GROUP, "'" + within.group() + "' is not at the level of the good's provisions", start);
            }
            return within.group(1).equals("those") || within.group(1).equals("these") ? new ShiftSource.From(target) : new ShiftSource.SameProvision(level, null);
        }
        if (c.accept("any other good ")) {
            // "any other good within that subheading" / "any other good of subheading 3206.49": a material of the provision
            // that is a good other than the one produced, which only the producer can say.
            int wordsStart = start;
            Matcher own = c.accept(WITHIN_OWN);
            if (own != null) {
                HsLevel level = levelOfWord(own.group(2));
                if (level != target.get(0).level()) {
                    throw c.fail(Refusal.GROUP, "'" + own.group() + "' is not at the level of the good's provisions", start);
                }
                Question question = question(target, "any other good", c.text.substring(wordsStart, c.pos));
                return own.group(1).equals("those") || own.group(1).equals("these")
                        ? new ShiftSource.Described(new DescribedProvisions(target, question, true))
                        : new ShiftSource.SameProvision(level, question);
            }
            if (c.accept("within ")) {
                // "from any other good within subheading 8406.90" (a good of tariff item 8406.90.20): a material of the
                // provisions named that is a good other than the one produced, which the producer declares.
                // The words name only the provisions up to the next level word: in "within subheading 8456.90, subheadings
                // 8456.10 through 8456.30 or any other heading" the other subheadings are clauses of their own.
                List<HsRange> ranges = provisions(c, false).orElseThrow(() -> c.fail(Refusal.MATERIAL_DESCRIBED,
                        "'any other good within' does not name HS provisions", start));
                return new ShiftSource.Described(new DescribedProvisions(ranges,
                        question(ranges, "any other good", c.text.substring(wordsStart, c.pos)), true));
            }
            if (c.accept("of ")) {
                List<HsRange> ranges = provisions(c).orElseThrow(() -> c.fail(Refusal.MATERIAL_DESCRIBED,
                        "'any other good of' does not name HS provisions", start));
                return new ShiftSource.Described(new DescribedProvisions(ranges,
                        question(ranges, "any other good", c.text.substring(wordsStart, c.pos)), true));
            }
            throw c.fail(Refusal.MATERIAL_DESCRIBED, "expected 'any other good within that <level>' or 'any other good of <provisions>'", start);
        }
        if (c.accept("any other ")) {
            Matcher word = c.accept(SINGULAR_LEVEL);
            if (word == null) {
                throw c.fail(Refusal.MATERIAL_DESCRIBED, "'any other' does not name a chapter, heading, subheading or tariff item", start);
            }
            HsLevel level = levelOfWord(word.group(1));
            if (c.accept(" within ")) {
                // "any other subheading within heading 8518" / "within that group": another provision at the level, inside these.
                int groupAt = c.pos;
                List<HsRange> ranges;
                if (c.accept("that group")) {
                    if (!isGroup(target, level)) {
                        throw c.fail(Refusal.GROUP, "the good's provisions are not a group of " + level.legalName() + "s", groupAt);
                    }
                    ranges = target;
                } else {
                    ranges = provisions(c).orElseThrow(() -> c.fail(Refusal.FROM_CLAUSE, "expected 'that group' or HS provisions after 'within'", groupAt));
                    if (ranges.stream().anyMatch(r -> r.level().digits() > level.digits()) && !withinThenOthers(c, groupAt, level, ranges, target)) {
                        throw c.fail(Refusal.PROVISION, "the provisions after 'within' are narrower than a " + level.legalName(), groupAt);
                    }
                }
                int including = c.pos;
                if (c.accept(", including another ")) {
                    Matcher again = c.accept(SINGULAR_LEVEL);
                    if (again == null || !c.accept(" within that group") || levelOfWord(again.group(1)) != level || !isGroup(target, level)) {
                        throw c.fail(Refusal.GROUP, "expected 'including another " + level.legalName() + " within that group'", including);
                    }
                }
                return new ShiftSource.OtherWithin(level, ranges);
            }
            int including = c.pos;
            if (c.accept(", including another ")) {
                Matcher again = c.accept(SINGULAR_LEVEL);
                // "within thatgroup" (GN 11(o) 8436.10-8436.80): a missing space, read as "that group" (rules/README.md).
                if (again == null || !(c.accept(" within that group") || c.accept(" within thatgroup"))) {
                    throw c.fail(Refusal.UNRECOGNISED, "expected 'including another <level> within that group'", including);
                }
                if (levelOfWord(again.group(1)) != level || !isGroup(target, level)) {
                    throw c.fail(Refusal.GROUP, "the good's provisions are not a group of " + level.legalName() + "s", including);
                }
            }
            return new ShiftSource.AnyOther(level);
        }
        if (c.accept("any ")) {
            Matcher word = c.accept(SINGULAR_LEVEL);
            if (word == null || !c.accept(" outside ")) {
                throw c.fail(Refusal.FROM_CLAUSE, "expected 'any other <level>' or 'any <level> outside ...'", start);
            }
            HsLevel level = levelOfWord(word.group(1));
            int groupAt = c.pos;
            if (c.accept("that group")) {
                if (!isGroup(target, level)) {
                    throw c.fail(Refusal.GROUP, "the good's provisions are not a group of " + level.legalName() + "s", groupAt);
                }
                return new ShiftSource.Outside(target);
            }
            List<HsRange> ranges = provisions(c).orElseThrow(
                    () -> c.fail(Refusal.FROM_CLAUSE, "expected 'that group' or HS provisions after 'outside'", groupAt));
            if (ranges.stream().anyMatch(r -> r.level() != level)) {
                throw c.fail(Refusal.PROVISION, "the provisions after 'any " + level.legalName() + " outside' are not all "
                        + level.legalName() + "s", groupAt);
            }
            return new ShiftSource.Outside(ranges);
        }
        Optional<List<HsRange>> named = provisions(c);
        if (named.isPresent()) {
            return new ShiftSource.From(named.get());
        }
        Matcher words = c.accept(DESCRIPTION_WITHIN);
        if (words != null && !startsClause(words.group(1))) {
            // "from a non-smoked good within those subheadings", "from klystrons within that subheading"
            HsLevel level = levelOfWord(words.group(3));
            if (level != target.get(0).level()) {
                throw c.fail(Refusal.GROUP, "'" + words.group() + "' is not at the level of the good's provisions", start);
            }
            Question question = question(target, words.group(1), words.group());
            return words.group(2).equals("those")
                    ? new ShiftSource.Described(new DescribedProvisions(target, question, true))
                    : new ShiftSource.SameProvision(level, question);
        }
        c.pos = start;
        return describedOf(c).<ShiftSource>map(ShiftSource.Described::new).orElse(null);
    }

    /**
     * "from any other subheading within chapter 21, heading 2009 or tariff item 2202.90.37" (GN 11(o) 2106.90.54 (B); 2202.90.37
     * (B) likewise): a tariff item cannot hold "any other subheading", so the provisions after the first level word are "from"
     * clauses of their own ("from heading 2009 or tariff item 2202.90.37"), not places "within" which. Read only where the two
     * readings of each such provision admit the same materials: "any other subheading within heading 2009" and "heading 2009" differ
     * only by the good's own subheading, so none of them may hold the good's own provision at the clause's level. Then the clause
     * is "any other subheading within" all the provisions, which admits exactly that. Otherwise the text is refused.
     */
    private static boolean withinThenOthers(Cursor c, int groupAt, HsLevel level, List<HsRange> all, List<HsRange> target) {
        int end = c.pos;
        c.pos = groupAt;
        List<HsRange> first = provisions(c, false).orElse(List.of());
        c.pos = end;
        if (first.isEmpty() || first.size() >= all.size() || first.stream().anyMatch(r -> r.level().digits() > level.digits())) {
            return false;
        }
        for (HsRange other : all.subList(first.size(), all.size())) {
            for (HsRange good : target) {
                int k = Math.min(level.digits(), Math.min(other.level().digits(), good.level().digits()));
                boolean overlaps = other.from().substring(0, k).compareTo(good.to().substring(0, k)) <= 0
                        && good.from().substring(0, k).compareTo(other.to().substring(0, k)) <= 0;
                if (overlaps) {
                    return false;
                }
            }
        }
        return true;
    }

    /** "that group": the good's provisions form a range or list, all at the level the clause names. */
    private static boolean isGroup(List<HsRange> target, HsLevel level) {
        return target.stream().allMatch(r -> r.level() == level) && (target.size() > 1 || !target.get(0).isSingle());
    }

    // ------------------------------------------------------------------------------------------------
    // Regional value content

    private static RvcRequirement rvc(Cursor c, LocalDate packStart) {
        int start = c.pos;
        c.accept(PROVISO);
        if (!c.accept("a regional value content") && !c.accept("an RVC")) {
            throw c.fail(Refusal.RVC_WORDING, "expected 'a regional value content' or 'an RVC'", start);
        }
        Matcher m = c.accept(TV_AND_NC);
        if (m == null) {
            m = c.accept(TV_AND_NC_UNDER);
        }
        if (m != null) {
            int first = List.of("1", "i", "A", "a").indexOf(m.group(1));
            int second = List.of("2", "ii", "B", "b").indexOf(m.group(3));
            if (first != second) {
                throw c.fail(Refusal.RVC_WORDING, "the markers (" + m.group(1) + ") and (" + m.group(3) + ") do not match", start);
            }
            return new RvcRequirement(constant(c, m.group(2), packStart, start), constant(c, m.group(4), packStart, start));
        }
        m = c.accept(NC_OF);
        if (m != null) {
            return new RvcRequirement(null, constant(c, m.group(1), packStart, start));
        }
        if (c.accept(" under the net cost method of not less than ")) {
            m = c.accept(PERCENT_ONLY);
            if (m != null) {
                return new RvcRequirement(null, constant(c, m.group(1), packStart, start));
            }
            return new RvcRequirement(null, staged(c, start));
        }
        throw c.fail(Refusal.RVC_WORDING, "not understood", start);
    }

    private static Threshold constant(Cursor c, String percent, LocalDate packStart, int at) {
        return Threshold.constant(packStart, percent(c, percent, at));
    }

    private static BigDecimal percent(Cursor c, String text, int at) {
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw c.fail(Refusal.RVC_WORDING, text + " is not a percentage between 0 and 100", at);
        }
        return value;
    }

    /** "(a) 66%, beginning on July 1, 2020 and ending on June 30, 2021; (b) ...; and (d) 75%, beginning on July 1, 2023". */
    private static Threshold staged(Cursor c, int start) {
        boolean roman;
        if (c.startsWith("(a) ")) {
            roman = false;
        } else if (c.startsWith("(i) ")) {
            roman = true;
        } else {
            throw c.fail(Refusal.RVC_WORDING, "expected a percentage or a dated list (a) ..., (b) ...", start);
        }
        List<DatedValue> entries = new ArrayList<>();
        boolean last = false;
        for (int i = 0; ; i++) {
            int entryStart = c.pos;
            String marker = "(" + (roman ? (i < ROMAN.size() ? ROMAN.get(i) : "?") : String.valueOf((char) ('a' + i))) + ") ";
            if (!c.accept(marker)) {
                throw c.fail(Refusal.RVC_WORDING, "expected " + marker.trim(), entryStart);
            }
            Matcher p = c.accept(PERCENT_ONLY);
            if (p == null || !c.accept(", beginning on ")) {
                throw c.fail(Refusal.RVC_WORDING, "expected '<percent>, beginning on <date>'", entryStart);
            }
            BigDecimal value = percent(c, p.group(1), entryStart);
            LocalDate from = date(c, entryStart);
            LocalDate to = c.accept(" and ending on ") ? date(c, entryStart) : null;
            if (to != null && to.isBefore(from)) {
                throw c.fail(Refusal.RVC_WORDING, "the period ends before it begins", entryStart);
            }
            if (!entries.isEmpty()) {
                DatedValue previous = entries.get(entries.size() - 1);
                if (!from.isAfter(previous.to())) {
                    throw c.fail(Refusal.RVC_WORDING, "the period overlaps the one before", entryStart);
                }
            }
            entries.add(new DatedValue(from, to, value));
            if (last) {
                break;
            }
            if (to == null) {
                throw c.fail(Refusal.RVC_WORDING, "an open-ended period must be the last, after '; and'", entryStart);
            }
            if (c.accept("; and ")) {
                last = true;
            } else if (!c.accept("; ")) {
                throw c.fail(Refusal.RVC_WORDING, "expected '; ' or '; and ' before the next period", entryStart);
            }
        }
        return new Threshold(entries);
    }

    private static LocalDate date(Cursor c, int at) {
        Matcher m = c.accept(DATE);
        if (m == null) {
            throw c.fail(Refusal.RVC_WORDING, "expected a date such as 'July 1, 2020'", at);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Month.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw c.fail(Refusal.RVC_WORDING, "'" + m.group() + "' is not a date", at);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reading position and refusals

    private static final class Refused extends RuntimeException {
        private final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private static Refused refuse(Refusal refusal, String where, String what, String text, int at) {
        return new Refused(refusal.message + ": " + where + what + " at " + quote(text, at));
    }

    private static String quote(String text, int at) {
        String fragment = text.substring(at).replaceFirst("^[,;]? ", "");
        if (fragment.isEmpty()) {
            return "the end of the text";
        }
        return "\"" + (fragment.length() > QUOTE_LENGTH ? fragment.substring(0, QUOTE_LENGTH) + "..." : fragment) + "\"";
    }

    private static final class Cursor {
        private final String text;
        private final String where;
        private int pos;

        Cursor(String text, String where) {
            this.text = text;
            this.where = where;
        }

        boolean atEnd() {
            return pos == text.length();
        }

        String rest() {
            return text.substring(pos);
        }

        boolean startsWith(String prefix) {
            return text.startsWith(prefix, pos);
        }

        boolean accept(String prefix) {
            if (text.startsWith(prefix, pos)) {
                pos += prefix.length();
                return true;
            }
            return false;
        }

        Matcher accept(Pattern pattern) {
            Matcher m = pattern.matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
                return m;
            }
            return null;
        }

        boolean lookingAt(Pattern pattern) {
            return pattern.matcher(text).region(pos, text.length()).lookingAt();
        }

        Refused fail(Refusal refusal, String what) {
            return fail(refusal, what, pos);
        }

        Refused fail(Refusal refusal, String what, int at) {
            return refuse(refusal, where, what, text, at);
        }
    }
}
