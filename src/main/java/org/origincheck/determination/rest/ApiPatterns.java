package org.origincheck.determination.rest;

public final class ApiPatterns {
    public static final String HS_CODE = "\\d{4}\\.?\\d{2}(\\.?\\d{2}(\\.?\\d{2})?)?";
    /** A question id: letters, digits and . : _ - [ ] (e.g. 8708.40:gear-box), at most 80 characters. */
    public static final String QUESTION_ID = "[A-Za-z0-9][A-Za-z0-9.:_\\[\\]-]{0,79}";
    public static final String QUESTION_ID_MESSAGE = "must be a question id as returned in missingData[].question (letters, digits and . : _ - [ ], at most 80)";
    public static final String HS_CODE_MESSAGE = "must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40, 870840, 8708.40.75)";
    public static final String MAX_MONEY = "1000000000000000";

    private ApiPatterns() {
    }
}
