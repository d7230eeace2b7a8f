package org.origincheck.determination.rest;

/** Examples shown in the OpenAPI document; the same BOM as examples/boiler-bom.json. */
final class OpenApiExamples {

    static final String BOILER = """
            {
              "reference": "PO-4411",
              "asOf": "2026-07-01",
              "good": {
                "partNumber": "BLR-8402-11",
                "description": "Watertube steam boiler, 50 t/h",
                "hsCode": "8402.11",
                "producerCountry": "MX",
                "currency": "USD",
                "transactionValue": 100000.00,
                "netCost": 90000.00
              },
              "materials": [
                { "partNumber": "DRUM-01", "description": "Boiler drum and tubes (parts of boilers)", "hsCode": "8402.90",
                  "origin": "NON_ORIGINATING", "countryOfOrigin": "DE", "value": 30000.00, "quantity": 1, "unit": "EA" },
                { "partNumber": "BURN-02", "description": "Burner assembly", "hsCode": "8416.10",
                  "origin": "NON_ORIGINATING", "countryOfOrigin": "IT", "value": 8000.00, "quantity": 1, "unit": "EA" },
                { "partNumber": "PLATE-03", "description": "Steel plate", "hsCode": "7208.51",
                  "origin": "ORIGINATING", "countryOfOrigin": "US", "value": 22000.00, "quantity": 12, "unit": "T" },
                { "partNumber": "CRATE-04", "description": "Export crate", "hsCode": "4415.10",
                  "origin": "NON_ORIGINATING", "value": 900.00, "kind": "SHIPPING_PACKING" }
              ]
            }
            """;

    static final String PROBLEM = """
            {
              "type": "https://origincheck.org/problems/invalid-submission",
              "title": "Invalid submission",
              "status": 400,
              "detail": "materials[0].hsCode: must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40, 870840, 8708.40.75)",
              "errors": [ { "field": "materials[0].hsCode", "message": "must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40, 870840, 8708.40.75)" } ]
            }
            """;

    private OpenApiExamples() {
    }
}
