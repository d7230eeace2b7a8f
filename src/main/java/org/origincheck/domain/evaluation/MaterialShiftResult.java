package org.origincheck.domain.evaluation;

import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.ShiftOutcome;

/** A non-originating material that did not plainly undergo the change an alternative requires. */
public record MaterialShiftResult(AlternativeUnderTest alternative, Material material, ShiftOutcome outcome) {
}
