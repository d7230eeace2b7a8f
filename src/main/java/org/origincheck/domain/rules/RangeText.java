package org.origincheck.domain.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.origincheck.domain.hs.HsRange;

final class RangeText {
    private RangeText() {
    }

    static String join(List<HsRange> ranges) {
        return ranges.stream().map(HsRange::describe).collect(Collectors.joining(", "));
    }
}
