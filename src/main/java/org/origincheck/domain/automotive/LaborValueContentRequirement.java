package org.origincheck.domain.automotive;

import org.origincheck.domain.dated.Threshold;

/**
 * SOR/2020-155 s.18(1)-(2) (s.19(4)(d) for the alternative staging regime): the LVC a vehicle needs, of which
 * at least {@code highWageMinimum} points must come from high-wage material and labour expenditures.
 */
public record LaborValueContentRequirement(VehicleClass vehicleClass, Threshold total, Threshold highWageMinimum, String citation) {
}
