package org.origincheck.rulepack.text;

/**
 * What reading a rule text's preamble gives ({@link EndUsePreambles}, {@link TradePreambles}): no such preamble, the preamble
 * read with the rule's own text after it, or a refusal saying what could not be read.
 */
sealed interface PreambleReading<P> {

    record NoPreamble<P>() implements PreambleReading<P> {
    }

    record Read<P>(P preamble, String rule) implements PreambleReading<P> {
    }

    record Refused<P>(String what) implements PreambleReading<P> {
    }
}
