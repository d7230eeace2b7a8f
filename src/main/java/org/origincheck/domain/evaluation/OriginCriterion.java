package org.origincheck.domain.evaluation;

/** The criterion written on a certification of origin: USMCA Art. 4.2(a)-(d). */
public enum OriginCriterion {
    A("USMCA Art. 4.2(a); SOR/2020-155 s.3(1)"),
    B("USMCA Art. 4.2(b); SOR/2020-155 s.3(2)"),
    C("USMCA Art. 4.2(c); SOR/2020-155 s.3(3)"),
    D("USMCA Art. 4.2(d); SOR/2020-155 s.3(4)");

    private final String citation;

    OriginCriterion(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
