package org.origincheck.rulepack.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;

/**
 * Reads the cut-and-sewn proviso of the rules of chapters 61-63 (and 9619), called by {@link PsrTextParser} where an
 * alternative's shift ends (the hook is {@code PsrTextParser.proviso}):
 * <pre>
 *   , provided that [the good, exclusive of LIST, is wholly of such fabric and] the good is both cut [(or knit to shape)]
 *     and sewn or otherwise assembled in the territory of one or more of the USMCA countries
 *     [, and such goods will not be subject to chapter rule(s) N [through M] of this chapter
 *      | . Such goods shall not be subject to rules N through M of this chapter]
 * </pre>
 * Each condition is a fact about the good the bill of materials cannot show, so each is a declaration in
 * {@code good.declarations} with the law's words. The cut-and-sewn questions have one id each across the chapters (the same
 * words state the same fact for every good); "wholly of such fabric" is tied to the good's provisions, since "such fabric"
 * is the fabric its own alternative names. The closing "not subject to chapter rules" is kept as
 * {@link Proviso.NotSubjectToChapterRules} so the loader does not attach those chapter rules to the alternative.
 */
final class CutAndSewnConditions {

    static final String CUT_OR_KNIT_TO_SHAPE_ID = "cut-or-knit-to-shape-and-sewn-in-usmca-territory";
    static final String CUT_ID = "cut-and-sewn-in-usmca-territory";

    private static final Pattern PROVISO_START = Pattern.compile(",? provided that ");
    private static final Pattern FORM = Pattern.compile(
            ",? provided that (?:(the good, exclusive of ([a-z ,]+), is wholly of such fabric) and )?"
                    + "(the good is both cut( \\(or knit to shape\\))? and sewn or otherwise assembled in the territory of one or more of the USMCA countries)"
                    + "(?:(, and such goods will not be subject to chapter rules? (\\d)(?: through (\\d))? of this chapter)"
                    + "|(\\. Such goods shall not be subject to rules (\\d) through (\\d) of this chapter))?\\.?");

    /** Not a cut-and-sewn proviso; one read; or one refused with why. */
    sealed interface Result {
    }

    record NotThisForm() implements Result {
    }

    record Read(List<Proviso> provisos) implements Result {
    }

    record Refused(String what) implements Result {
    }

    private CutAndSewnConditions() {
    }

    /** {@code rest}: the alternative's text after its shift; {@code good}: the good's provisions (for the fabric question's id). */
    static Result read(String rest, List<HsRange> good) {
        if (!PROVISO_START.matcher(rest).lookingAt() || !(rest.contains(" cut") && rest.contains("sewn"))) {
            return new NotThisForm();
        }
        Matcher m = FORM.matcher(rest);
        if (!m.matches()) {
            return new Refused("not understood");
        }
        List<Proviso> out = new ArrayList<>();
        if (m.group(1) != null) {
            out.add(new Proviso.Declared(PsrTextParser.question(good, "wholly of such fabric exclusive of " + m.group(2), m.group(1))));
        }
        out.add(new Proviso.Declared(new Question(m.group(4) != null ? CUT_OR_KNIT_TO_SHAPE_ID : CUT_ID, m.group(3))));
        if (m.group(5) != null) {
            out.add(new Proviso.NotSubjectToChapterRules(numbers(m.group(6), m.group(7)), m.group(5).substring(2)));
        } else if (m.group(8) != null) {
            out.add(new Proviso.NotSubjectToChapterRules(numbers(m.group(9), m.group(10)), m.group(8).substring(2)));
        }
        return new Read(out);
    }

    private static List<Integer> numbers(String from, String through) {
        int first = Integer.parseInt(from);
        int last = through == null ? first : Integer.parseInt(through);
        List<Integer> out = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            out.add(n);
        }
        return out;
    }
}
