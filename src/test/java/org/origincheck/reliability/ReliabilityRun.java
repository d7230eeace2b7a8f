package org.origincheck.reliability;

/**
 * Which form of the reliability tests runs: the short one in CI, the full one with {@code ./mvnw -B -ntp verify
 * -Preliability} (which sets {@code origincheck.reliability.full=true} for surefire and failsafe).
 */
final class ReliabilityRun {

    static final boolean FULL = Boolean.getBoolean("origincheck.reliability.full");

    private ReliabilityRun() {
    }
}
