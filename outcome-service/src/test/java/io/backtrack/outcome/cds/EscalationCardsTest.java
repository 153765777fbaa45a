package io.backtrack.outcome.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.EscalationView;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EscalationCardsTest {

    @Test
    void theIndicatorFollowsTheUrgency() {
        assertThat(EscalationCards.indicator(escalation(EscalationType.EMERGENCY_REFERRAL, Urgency.EMERGENCY,
                EscalationStatus.RECOMMENDED, "R"))).isEqualTo("critical");
        assertThat(EscalationCards.indicator(escalation(EscalationType.IMAGING, Urgency.URGENT,
                EscalationStatus.RECOMMENDED, "R"))).isEqualTo("warning");
        assertThat(EscalationCards.indicator(escalation(EscalationType.PLAN_REVISION, Urgency.ROUTINE,
                EscalationStatus.RECOMMENDED, "R"))).isEqualTo("info");
    }

    @Test
    void aSummaryHasFewerThan140Characters() {
        String rule140 = "R".repeat(140);
        for (EscalationType type : EscalationType.values()) {
            for (String rule : new String[] {"ESC-SESSION-FLARE", rule140}) {
                String summary = EscalationCards.summary(escalation(type, Urgency.EMERGENCY, EscalationStatus.ACKNOWLEDGED, rule));
                assertThat(summary).hasSizeLessThanOrEqualTo(EscalationCards.SUMMARY_MAX).startsWith(
                        type.name().substring(0, 1));
            }
        }
        assertThat(EscalationCards.summary(escalation(EscalationType.MULTIDISCIPLINARY_PAIN_PROGRAM, Urgency.ROUTINE,
                EscalationStatus.RECOMMENDED, "ESC-NONSPECIFIC-WEEK6")))
                .isEqualTo("Multidisciplinary pain program recommended (routine), rule ESC-NONSPECIFIC-WEEK6");
    }

    @Test
    void onlyACardAwaitingTheDecisionOffersToAcceptOrOverride() {
        EscalationView recommended = escalation(EscalationType.IMAGING, Urgency.URGENT, EscalationStatus.RECOMMENDED, "R");
        CdsHooks.Card card = EscalationCards.of(recommended);
        assertThat(card.uuid()).isEqualTo(recommended.id().toString());
        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.uuid()).isEqualTo(EscalationCards.acceptSuggestion(recommended.id()));
            assertThat(s.isRecommended()).isTrue();
        });
        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(card.overrideReasons()).isNotEmpty();
        assertThat(card.detail()).contains("`R`", "- painAfter: 8", "**Guideline:** docs/clinical-rules.md §5");

        for (EscalationStatus status : new EscalationStatus[] {EscalationStatus.ACKNOWLEDGED, EscalationStatus.ORDERED}) {
            CdsHooks.Card informs = EscalationCards.of(escalation(EscalationType.IMAGING, Urgency.URGENT, status, "R"));
            assertThat(informs.suggestions()).isNull();
            assertThat(informs.selectionBehavior()).isNull();
            assertThat(informs.overrideReasons()).isNull();
        }
        assertThat(EscalationCards.isOpen(escalation(EscalationType.IMAGING, Urgency.URGENT, EscalationStatus.ORDERED, "R")))
                .isTrue();
        assertThat(EscalationCards.isOpen(escalation(EscalationType.IMAGING, Urgency.URGENT, EscalationStatus.DECLINED, "R")))
                .isFalse();
        assertThat(EscalationCards.isOpen(escalation(EscalationType.IMAGING, Urgency.URGENT, EscalationStatus.COMPLETED, "R")))
                .isFalse();
    }

    private static EscalationView escalation(EscalationType type, Urgency urgency, EscalationStatus status, String rule) {
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        return new EscalationView(UUID.randomUUID(), UUID.randomUUID(), "clinic-a", type, urgency, rule, "1",
                "Pain flared.", JsonNodeFactory.instance.objectNode().put("painAfter", 8),
                "docs/clinical-rules.md §5", null, status, null, at, at, 0);
    }
}
