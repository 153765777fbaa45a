package io.backtrack.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import java.util.UUID;

/** A consumed event whose envelope and payload passed the contract checks. */
public record ReceivedEvent(String id, EventType type, String source, UUID patientId, JsonNode payload) {

    public <T extends Record> T payloadAs(Class<T> payloadType) {
        if (!type.payloadType().equals(payloadType)) {
            throw new IllegalArgumentException(type.ceType() + " does not carry " + payloadType.getSimpleName());
        }
        try {
            return EventJson.mapper().treeToValue(payload, payloadType);
        } catch (JsonProcessingException e) {
            // the schema bounds what it can (a week's minimum); what it leaves open, such as a number beyond an
            // int, no retry can ever map, and retrying it would hold back every event behind it
            throw new UnusableEventException("the payload does not fit " + payloadType.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }
}
