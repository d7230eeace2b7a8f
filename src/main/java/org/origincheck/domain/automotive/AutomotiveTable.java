package org.origincheck.domain.automotive;

import java.util.Arrays;
import java.util.Optional;

/** The tables of Part 6 of SOR/2020-155 (the Appendix to Annex 4-B), by the number the regulation gives them. */
public enum AutomotiveTable {
    A_1("A.1", "core parts for passenger vehicles and light trucks"),
    A_2("A.2", "parts and components for determining the origin of passenger vehicles and light trucks (core parts)"),
    B("B", "principal parts for passenger vehicles and light trucks"),
    C("C", "complementary parts for passenger vehicles and light trucks"),
    D("D", "principal parts for heavy trucks"),
    E("E", "complementary parts for heavy trucks"),
    F("F", "parts for other vehicles"),
    G("G", "components and materials for other vehicles"),
    S("S", "steel and aluminum");

    private final String id;
    private final String title;

    AutomotiveTable(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String citation() {
        return "SOR/2020-155 Part 6, Table " + id;
    }

    public static Optional<AutomotiveTable> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
