package org.origincheck.domain.rules;

/** The two methods of USMCA Art. 4.5 (SOR/2020-155 s.7(2) and (3)). */
public enum RvcMethod {
    TRANSACTION_VALUE("SOR/2020-155 s.7(2); USMCA Art. 4.5.2"),
    NET_COST("SOR/2020-155 s.7(3); USMCA Art. 4.5.3");

    private final String citation;

    RvcMethod(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
