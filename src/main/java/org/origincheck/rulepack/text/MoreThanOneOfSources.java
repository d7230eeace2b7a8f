package org.origincheck.rulepack.text;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.ShiftSource;

/**
 * "from more than one of the following: (1) subheadings 8413.50 through 8413.60, ..., (4) subheading 8537.10, whether or not
 * there is also a change from any other heading, provided there is a regional value content ..." (GN 11(o) 8459.21, 8459.31,
 * 8459.40-8459.51, 8459.61, 8459.70.40, alternative (B), the counterpart of (A)'s "except from more than one of the
 * following").
 *
 * <p>Read as a change from the listed provisions, only when it is followed by "whether or not there is also a change from any
 * other &lt;level&gt;" and every listed provision is of another &lt;level&gt; than the good: then a material of any listed group is
 * admitted by that clause anyway, so whether the materials come from one group or several cannot change what the
 * alternative admits, and the alternative is decided by its RVC. Without that clause "more than one" would be a condition
 * the engine does not model, and the text is refused.
 */
final class MoreThanOneOfSources {

    /** What was read: the source and where the text after it begins; or why not, and where. */
    sealed interface Result {
        record Read(ShiftSource source, int end) implements Result {
        }

        record Refused(String what, int at) implements Result {
        }
    }

    private static final String WHETHER = ", whether or not there is also a change from any other ";

    private MoreThanOneOfSources() {
    }

    static boolean startsAt(String text, int pos) {
        return MoreThanOneOfExceptions.startsAt(text, pos);
    }

    static Result read(String text, int pos, List<HsRange> target) {
        MoreThanOneOfExceptions.Result read = MoreThanOneOfExceptions.read(text, pos);
        if (read instanceof MoreThanOneOfExceptions.Result.Refused refused) {
            return new Result.Refused(refused.what(), refused.at());
        }
        MoreThanOneOfExceptions.Result.Read done = (MoreThanOneOfExceptions.Result.Read) read;
        int end = done.end();
        HsLevel level = null;
        if (text.startsWith(WHETHER, end)) {
            String rest = text.substring(end + WHETHER.length());
            for (HsLevel candidate : HsLevel.values()) {
                if (rest.startsWith(candidate.legalName()) && (level == null || candidate.legalName().length() > level.legalName().length())) {
                    level = candidate;
                }
            }
        }
        if (level == null) {
            return new Result.Refused("'from more than one of the following' without 'whether or not there is also a change from any other"
                    + " <level>' is a condition on the materials taken together, not read", pos);
        }
        HsLevel whetherLevel = level;
        List<HsRange> all = new ArrayList<>();
        for (MoreThanOneOf.Group group : done.exception().groups()) {
            for (HsRange range : group.ranges()) {
                if (level.digits() > range.level().digits() || target.stream().anyMatch(t -> shares(t, range, whetherLevel))) {
                    return new Result.Refused("group (" + group.label() + ") of 'more than one of the following' is not all of another "
                            + level.legalName() + " than the good", pos);
                }
                all.add(range);
            }
        }
        return new Result.Read(new ShiftSource.From(all), end);
    }

    /** Whether the two provisions may share a provision at {@code level}. */
    private static boolean shares(HsRange a, HsRange b, HsLevel level) {
        int n = Math.min(level.digits(), Math.min(a.level().digits(), b.level().digits()));
        return a.from().substring(0, n).compareTo(b.to().substring(0, n)) <= 0
                && b.from().substring(0, n).compareTo(a.to().substring(0, n)) <= 0;
    }
}
