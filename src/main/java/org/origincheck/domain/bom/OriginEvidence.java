package org.origincheck.domain.bom;

import java.util.List;

/**
 * The evidence a material's origin was taken from, as the mapper resolved it: what decided it ({@code source}), the
 * id of the declaration or determination that did ({@code sourceId}, null when none), the supplier named, and the
 * notes the answer reports about it (evidence used or missing, accumulation applied or not), in that order.
 */
public record OriginEvidence(OriginSource source, String sourceId, String supplierId, List<Note> notes) {

    public OriginEvidence {
        notes = List.copyOf(notes);
    }

    public enum Kind {
        /** The origin was taken from a declaration or a stored determination, or that evidence is missing. */
        EVIDENCE,
        /** Accumulation (USMCA Art. 4.11) applied to the material's value, or why it was not. */
        ACCUMULATION
    }

    /** {@code undetermined}: the note explains why the origin is UNKNOWN (a reason with outcome INSUFFICIENT_DATA). */
    public record Note(Kind kind, boolean undetermined, String message, String citation, String material) {
    }
}
