package org.origincheck.domain.bom;

/** The origin of a material as the producer knows it. UNKNOWN counts as non-originating (USMCA Art. 4.5). */
public enum OriginStatus {
    ORIGINATING, NON_ORIGINATING, UNKNOWN;

    public boolean isOriginating() {
        return this == ORIGINATING;
    }
}
