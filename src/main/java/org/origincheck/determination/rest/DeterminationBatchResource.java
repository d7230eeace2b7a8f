package org.origincheck.determination.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.config.BatchLimitsConfig;
import org.origincheck.determination.DeterminationRefused;
import org.origincheck.determination.DeterminationBatches;
import org.origincheck.determination.DeterminationService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;

/**
 * Many submissions in one request (a portfolio's yearly re-certification, a supplier system's burst from CI): one BOM
 * submission per line, each answered on its own line, in order. Each line is read, validated and determined exactly as
 * POST /api/v1/determinations would; the service stores the rows together (few transactions, batched inserts).
 */
@Path("/api/v1/determination-batches")
@SecurityRequirement(name = "bearer")
@Tag(name = "Determinations")
public class DeterminationBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = Logger.getLogger(DeterminationBatchResource.class);

    private final DeterminationBatches batches;
    private final SubmissionMapper submissions;
    private final Caller caller;
    private final BatchLimitsConfig limits;
    private final ObjectMapper mapper;
    private final ObjectWriter answerWriter;

    public DeterminationBatchResource(DeterminationBatches batches, SubmissionMapper submissions, Caller caller, BatchLimitsConfig limits,
                                      ObjectMapper mapper) {
        this.batches = batches;
        this.submissions = submissions;
        this.caller = caller;
        this.limits = limits;
        this.mapper = mapper;
        this.answerWriter = mapper.writerFor(LineAnswer.class);
    }

    /** The answer to one line. {@code replayed}: the determination an earlier request with the same idempotencyKey made. */
    @Schema(name = "BatchLineAnswer", description = "The answer to one line of a batch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineAnswer(@Schema(description = "The line's position in the body, from 0") int index,
                             @Schema(description = "201 stored (or replayed); otherwise the status POST /api/v1/determinations would have answered") int status,
                             @Schema(description = "The determination's id (GET /api/v1/determinations/{id})") String id,
                             @Schema(description = "ORIGINATING, NOT_ORIGINATING or INSUFFICIENT_DATA") String determinationStatus,
                             @Schema(description = "Present and true when an earlier request with the same idempotencyKey made this determination") Boolean replayed,
                             @Schema(description = "Why the line was not stored, as application/problem+json would say") Problem problem) {

        static LineAnswer created(int index, DeterminationService.Stored stored) {
            return new LineAnswer(index, 201, stored.id().toString(), stored.status(), stored.replayed() ? Boolean.TRUE : null, null);
        }

        static LineAnswer refused(int index, Problem problem) {
            return new LineAnswer(index, problem.status(), null, null, null, problem);
        }
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(operationId = "createDeterminationBatch", summary = "Evaluate and store many BOMs, one per line",
            description = "The body is NDJSON: one BOM submission per line, exactly as the body of POST /api/v1/determinations, which may carry "
                    + "one more member, idempotencyKey (1 to 200 visible ASCII characters), with the meaning of the Idempotency-Key header. "
                    + "The answer is 200 with NDJSON, one line per input line in the same order: {index, status, id?, determinationStatus?, "
                    + "replayed?, problem?}; status 201 for a line stored (or replayed), else the status a single POST would have answered, "
                    + "with its problem document. A bad line (too long, not JSON, invalid fields, no pack in force) never stops the others. "
                    + "A final newline ends the last line; any other empty line is a line, answered 400. Each line is stored as received "
                    + "without its idempotencyKey member (GET .../submission returns it so). Within a batch a key belongs to the first line "
                    + "carrying it: a later line with the same key and submission gets that line's answer (replayed), with another "
                    + "submission 422. A line cannot refer to a determination made by the same batch (automotive core parts): send it in a "
                    + "later request. Limits: origincheck.batches.max-lines lines (default 1,000; more: 413, nothing stored), "
                    + "origincheck.batches.max-line-bytes per line (default 1 MiB; longer: that line's 413), and the body limit of "
                    + "every request, origincheck.limits.max-body-bytes (default 16 MiB; larger: 413, nothing read).")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "two BOMs, the second with an idempotency key", value = """
                    {"asOf":"2026-07-01","good":{"partNumber":"BLR-1","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","value":5}]}
                    {"idempotencyKey":"po-4411-2","asOf":"2026-07-01","good":{"partNumber":"BLR-2","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[]}
                    """)))
    @APIResponse(responseCode = "200", description = "Every line answered, in order (NDJSON)", content = @Content(mediaType = NDJSON,
            schema = @Schema(implementation = LineAnswer.class)))
    @APIResponse(responseCode = "400", description = "The body has no line", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Too many lines, or the body too large: nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "A body over 64 KiB found no room among the large bodies being read"
            + " (origincheck.limits.large-body-bytes-at-once) within the wait: not read, nothing stored; send it again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String create(String body) {
        String tenant = caller.tenant();
        String subject = caller.subject();
        Lines lines = Lines.of(body);
        if (lines.isEmpty()) {
            throw ApiException.invalid("$", "the body has no line: send one BOM submission as JSON per line");
        }
        if (lines.size() > limits.maxLines()) {
            throw new ApiException(Problem.of(413, "Content Too Large", "the batch has " + lines.size() + " lines; at most "
                    + limits.maxLines() + " are accepted (origincheck.batches.max-lines); nothing was stored"));
        }
        // A part at a time (read, determine, store, answer), so that a batch holds one part's submissions and evaluations in
        // memory, not all of them: four batches of 200 BOMs at once kept the old generation busy (docs/benchmarks.md, issue 19).
        StringBuilder out = new StringBuilder(lines.size() * 120);
        DeterminationBatches.Batch batch = batches.begin(tenant, subject);
        for (int from = 0; from < lines.size(); from += DeterminationBatches.BATCH_TRANSACTION_SIZE) {
            int to = Math.min(lines.size(), from + DeterminationBatches.BATCH_TRANSACTION_SIZE);
            answerPart(batch, lines, from, to, tenant, out);
        }
        return out.toString();
    }

    /** Reads, determines and stores lines [from, to) of the body and appends their answers, in order. */
    private void answerPart(DeterminationBatches.Batch batch, Lines lines, int from, int to, String tenant, StringBuilder out) {
        LineAnswer[] answers = new LineAnswer[to - from];
        List<DeterminationBatches.BatchLine> accepted = new ArrayList<>();
        List<Integer> acceptedIndexes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                accepted.add(read(lines.get(i), tenant)); // the line's text is made when it is read; only what was accepted from it is kept
                acceptedIndexes.add(i);
            } catch (ApiException e) {
                answers[i - from] = LineAnswer.refused(i, e.problem());
            } catch (DeterminationRefused e) {
                answers[i - from] = LineAnswer.refused(i, DeterminationProblems.problem(e));
            } catch (RuntimeException e) {
                answers[i - from] = LineAnswer.refused(i, unexpected(e));
            }
        }
        List<DeterminationBatches.LineOutcome> outcomes = accepted.isEmpty() ? List.of() : batches.createAll(batch, accepted);
        for (int j = 0; j < outcomes.size(); j++) {
            int i = acceptedIndexes.get(j);
            DeterminationBatches.LineOutcome outcome = outcomes.get(j);
            if (outcome instanceof DeterminationBatches.Created c) {
                answers[i - from] = LineAnswer.created(i, c.stored());
            } else if (outcome instanceof DeterminationBatches.Refused r) {
                answers[i - from] = LineAnswer.refused(i, DeterminationProblems.problem(r.refusal()));
            } else {
                answers[i - from] = LineAnswer.refused(i, unexpected(((DeterminationBatches.Failed) outcome).error()));
            }
        }
        for (LineAnswer answer : answers) {
            try {
                out.append(answerWriter.writeValueAsString(answer)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a batch answer could not be written", e);
            }
        }
    }

    /**
     * The lines of the body (a final newline, or CRLF, ends the last line rather than starting an empty one): where each line of the body begins and ends, its text made only when it is read ({@link #get}): a batch holds its body
     * and one line's copy at a time, not a second copy of the whole body (issue 19: four batches' bodies and lines were kept
     * alive through every young collection of the run).
     */
    record Lines(String body, int[] bounds, int size) {

        static Lines of(String body) {
            int[] bounds = new int[16];
            int size = 0;
            if (body != null) {
                int start = 0;
                while (start < body.length()) {
                    int end = body.indexOf('\n', start);
                    int next = end < 0 ? body.length() : end + 1;
                    if (end < 0) {
                        end = body.length();
                    }
                    if (2 * size + 2 > bounds.length) {
                        bounds = java.util.Arrays.copyOf(bounds, 2 * bounds.length);
                    }
                    bounds[2 * size] = start;
                    bounds[2 * size + 1] = end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
                    size++;
                    start = next;
                }
            }
            return new Lines(body, bounds, size);
        }

        boolean isEmpty() {
            return size == 0;
        }

        String get(int i) {
            return body.substring(bounds[2 * i], bounds[2 * i + 1]);
        }
    }

    private DeterminationBatches.BatchLine read(String line, String tenant) {
        if (longerThan(line, limits.maxLineBytes())) {
            throw new ApiException(Problem.of(413, "Content Too Large", "the line is longer than " + limits.maxLineBytes()
                    + " bytes (origincheck.batches.max-line-bytes); send it alone to POST /api/v1/determinations"));
        }
        Envelope envelope = envelope(line);
        checkKey(envelope.idempotencyKey());
        BomSubmission submission = submissions.parse(envelope.submission());
        return new DeterminationBatches.BatchLine(new DeterminationService.Received(envelope.submission(), MediaType.APPLICATION_JSON, null),
                submissions.toBom(submission, tenant), submission.rulePack(), envelope.idempotencyKey());
    }

    /** A line split into its idempotency key and the submission, which is the line as received without that member. */
    record Envelope(String idempotencyKey, String submission) {
    }

    /**
     * Finds the top-level idempotencyKey member and cuts it (with one adjacent comma) out of the text, so that what is
     * stored is a submission POST /api/v1/determinations and re-determination read as they read any other. A line that is
     * not a JSON object is left whole: parsing it as a submission names what is wrong with it.
     */
    Envelope envelope(String line) {
        if (line.indexOf("\"idempotencyKey\"") < 0) {
            return new Envelope(null, line); // the common case, without a second parse
        }
        try (JsonParser parser = mapper.getFactory().createParser(line)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Envelope(null, line);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"idempotencyKey".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.VALUE_STRING) {
                    throw ApiException.invalid("idempotencyKey", "must be a string of 1 to 200 visible ASCII characters");
                }
                String key = parser.getText();
                int end = (int) parser.currentLocation().getCharOffset();
                return new Envelope(key, cut(line, start, end));
            }
            return new Envelope(null, line);
        } catch (IOException e) {
            return new Envelope(null, line);
        }
    }

    private static String cut(String line, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(line.charAt(before))) {
            before--;
        }
        if (before >= 0 && line.charAt(before) == ',') {
            return line.substring(0, before) + line.substring(end);
        }
        int after = end;
        while (after < line.length() && Character.isWhitespace(line.charAt(after))) {
            after++;
        }
        return line.substring(0, start) + line.substring(after < line.length() && line.charAt(after) == ',' ? after + 1 : end);
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw ApiException.invalid("idempotencyKey", "must be 1 to 200 visible ASCII characters (e.g. a UUID, or the SHA-256 of the BOM file)");
        }
    }

    /** Without encoding the line when its length decides: a UTF-16 unit is 1 to 3 bytes in UTF-8. */
    static boolean longerThan(String line, int maxBytes) {
        if (line.length() > maxBytes) {
            return true;
        }
        return (long) line.length() * 3 > maxBytes && line.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    /** The line failed for a reason that is not the caller's: logged with an incident id; nothing of the line was stored. */
    private static Problem unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error in a batch line, incident %s", incident);
        return Problem.of(500, "Internal Server Error", "This line failed unexpectedly; nothing of it was stored. Quote incident "
                + incident + " when reporting it.");
    }
}
