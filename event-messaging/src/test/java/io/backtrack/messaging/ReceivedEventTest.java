package io.backtrack.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.ReviewCompleted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceivedEventTest {

    private static final UUID PATIENT = UUID.randomUUID();

    @Test
    void aPayloadMapsToItsRecord() {
        assertThat(event(reviewCompleted()).payloadAs(ReviewCompleted.class).week()).isEqualTo(4);
    }

    /**
     * The schema gives the week a minimum only, so a week beyond an int passes it. Retried, such a payload
     * would hold back every later event of its consumer for good: it is unusable, and dead-lettered.
     */
    @Test
    void aSchemaValidPayloadThatFitsNoRecordIsUnusable() {
        ObjectNode payload = reviewCompleted().put("week", 3_000_000_000L);

        assertThatThrownBy(() -> event(payload).payloadAs(ReviewCompleted.class))
                .isInstanceOf(UnusableEventException.class)
                .hasMessageContaining("does not fit ReviewCompleted");
    }

    private static ObjectNode reviewCompleted() {
        return EventJson.mapper().valueToTree(new ReviewCompleted(PATIENT, "clinic-north", UUID.randomUUID(),
                UUID.randomUUID(), 4, LocalDate.now(), ReviewStatus.COMPLETED, ReviewVerdict.NON_RESPONDING, null, null,
                AdherenceSnapshot.of(10, 12, true), Instant.now()));
    }

    private static ReceivedEvent event(ObjectNode payload) {
        return new ReceivedEvent(UUID.randomUUID().toString(), EventType.REVIEW_COMPLETED,
                "/backtrack/outcome-service", PATIENT, payload);
    }
}
