package org.origincheck.domain.evaluation;

import java.util.List;
import org.origincheck.domain.bom.Material;

/** The tariff-shift result of one alternative, after the s.5(1) de minimis. */
public record ShiftAssessment(AlternativeUnderTest alternative, Verdict verdict, List<Material> failing,
                              List<Material> undetermined) {

    public ShiftAssessment {
        failing = List.copyOf(failing);
        undetermined = List.copyOf(undetermined);
    }
}
