package org.origincheck.rulepack.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;

/**
 * Reads the proviso that ends an alternative, other than a regional value content: ", provided that at least 70 percent
 * by weight of the materials of headings 7208 through 7229 and 7301 through 7326 is originating", ", provided that the good
 * resulting from such change is the product of a chemical reaction". Called by {@link PsrTextParser} where the alternative's
 * shift and RVC end (the hook is {@code PsrTextParser.proviso}).
 *
 * <p>Two forms:
 * <ul>
 * <li>"at least P percent by weight of the materials of PROVISIONS is originating": computed from the bill of materials
 *     ({@link Proviso.OriginatingShareByWeight}); both the numerator and the denominator are materials the BOM lists.</li>
 * <li>any other single condition of fact: a declaration by the producer with the law's words ({@link Proviso.Declared}).
 *     That covers the shares whose denominator the BOM does not hold ("of the total polymer content", "of the alcoholic
 *     content of the good by volume", "of the sugar"), shares by volume, and facts of production ("the product of a chemical
 *     reaction", "the cross-sectional area of the bar or rod is reduced by at least 50 percent").</li>
 * </ul>
 * Refused: a proviso with structure of its own (a list "(1) ..., (2) ...", a colon, a semicolon), a regional value content
 * in a form the parser does not know, and the cut-and-sewn or assembly conditions (read elsewhere).
 */
final class RuleProvisos {

    /** ", provided that ..." (also ", provided the ..." as printed for 1302.39), never ", provided there is" (an RVC). */
    private static final Pattern START = Pattern.compile(",? provided (?:that,? )?(?!there is)(?=\\S)");
    private static final Pattern ORIGINATING_SHARE = Pattern.compile(
            "at least (\\d{1,3}(?:\\.\\d+)?) percent by weight of the materials of (.+) is originating");
    private static final Pattern STRUCTURE = Pattern.compile("[;:]|\\((?:[A-Za-z]|\\d{1,2}|[ivx]{1,4})\\) ");

    /** What the rest of an alternative is: not a proviso this class reads, a proviso, or a proviso refused with why. */
    sealed interface Result {
    }

    record NotAProviso() implements Result {
    }

    record Read(Proviso proviso) implements Result {
    }

    record Refused(PsrTextParser.Refusal refusal, String what) implements Result {
    }

    private RuleProvisos() {
    }

    /**
     * {@code rest}: the text of the alternative from where its shift (or RVC) ends to its end; {@code good}: the good's
     * provisions, for the question's id.
     */
    static Result read(String rest, List<HsRange> good) {
        Matcher start = START.matcher(rest);
        if (!start.lookingAt()) {
            return new NotAProviso();
        }
        String words = rest.substring(start.end());
        String lower = words.toLowerCase(Locale.ROOT);
        if (lower.contains("regional value content") || lower.contains(" rvc")
                || (lower.contains(" cut") && lower.contains("sewn")) || lower.contains("assembled")) {
            // RVC provisos and cut-and-sewn conditions have readers of their own; the parser names them.
            return new NotAProviso();
        }
        if (STRUCTURE.matcher(words).find()) {
            return new Refused(PsrTextParser.Refusal.OTHER_CONDITION,
                    "the proviso has parts of its own (a list, a colon or a semicolon), which a single condition cannot express");
        }
        Matcher share = ORIGINATING_SHARE.matcher(words);
        if (share.matches()) {
            Optional<List<HsRange>> materials = PsrTextParser.provisionsOf(share.group(2));
            if (materials.isEmpty()) {
                return new Refused(PsrTextParser.Refusal.WEIGHT_CONDITION, "the materials of the share by weight are not HS provisions");
            }
            BigDecimal percent = new BigDecimal(share.group(1));
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                return new Refused(PsrTextParser.Refusal.WEIGHT_CONDITION, percent + " is not a percentage between 0 and 100");
            }
            return new Read(new Proviso.OriginatingShareByWeight(materials.get(), percent, words));
        }
        return new Read(new Proviso.Declared(question(good, words)));
    }

    /** A stable id for a declared proviso: the good's provisions, "provided-", then the words as a slug (at most 80 characters). */
    static Question question(List<HsRange> good, String words) {
        return PsrTextParser.question(good, "provided " + words, words);
    }
}
