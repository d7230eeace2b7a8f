package org.origincheck.determination.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.origincheck.determination.EvidenceFormat;
import org.origincheck.domain.evaluation.Evaluation;

/** The stored and returned response is the API's {@link DeterminationResponse} as JSON. */
@ApplicationScoped
public class JsonEvidenceFormat implements EvidenceFormat {

    private final ObjectMapper mapper;

    public JsonEvidenceFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String write(UUID id, Instant createdAt, Evaluation evaluation, java.util.List<org.origincheck.domain.evaluation.MaterialOrigin> materials) {
        return write(DeterminationResponse.of(id, createdAt, evaluation, materials));
    }

    @Override
    public String write(UUID id, Instant createdAt, org.origincheck.domain.evaluation.MultiLevelEvaluation.Assessed assessed) {
        return write(DeterminationResponse.of(id, createdAt, assessed));
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a response", e);
        }
    }
}
