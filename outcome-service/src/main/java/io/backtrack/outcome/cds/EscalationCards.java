package io.backtrack.outcome.cds;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.outcome.escalation.EscalationLabels;
import io.backtrack.outcome.escalation.EscalationView;
import io.backtrack.platform.fhir.FhirCodes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CDS Hooks card per open escalation. The indicator follows the urgency; a card still awaiting the
 * clinician's decision offers one suggestion, to accept it (the escalation is then acknowledged), and
 * the reasons to override it (it is then declined with that reason). A card of an escalation already
 * acknowledged or ordered only informs.
 */
final class EscalationCards {

    /** CDS Hooks 2.0: a summary of fewer than 140 characters. */
    static final int SUMMARY_MAX = 139;
    static final List<CdsHooks.Coding> OVERRIDE_REASONS = List.of(
            reason("not-indicated", "Not clinically indicated for this patient now"),
            reason("patient-declined", "The patient declined"),
            reason("already-arranged", "Already arranged elsewhere"));

    private EscalationCards() {
    }

    static boolean isOpen(EscalationView escalation) {
        return escalation.status() != EscalationStatus.DECLINED && escalation.status() != EscalationStatus.COMPLETED;
    }

    /** The id of a card's one suggestion, which feedback names to accept it. */
    static String acceptSuggestion(Object escalationId) {
        return escalationId + "-acknowledge";
    }

    static CdsHooks.Card of(EscalationView e) {
        boolean deciding = e.status() == EscalationStatus.RECOMMENDED;
        return new CdsHooks.Card(e.id().toString(), summary(e), detail(e), indicator(e),
                new CdsHooks.Source("BackTrack escalation rules", null,
                        new CdsHooks.Coding(e.type().name(), FhirCodes.codeSystem("escalation-type"),
                                EscalationLabels.of(e.type()))),
                deciding ? List.of(new CdsHooks.Suggestion("Accept: acknowledge the "
                        + EscalationLabels.of(e.type()).toLowerCase(Locale.ROOT) + " recommendation", acceptSuggestion(e.id()),
                        true)) : null,
                deciding ? "at-most-one" : null,
                deciding ? OVERRIDE_REASONS : null);
    }

    static String summary(EscalationView e) {
        String state = switch (e.status()) {
            case RECOMMENDED -> "recommended";
            case ACKNOWLEDGED -> "acknowledged, not yet ordered";
            default -> e.status().name().toLowerCase(Locale.ROOT);
        };
        String summary = EscalationLabels.of(e.type()) + " " + state + " (" + e.urgency().name().toLowerCase(Locale.ROOT)
                + "), rule " + e.ruleId();
        return summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…";
    }

    static String indicator(EscalationView e) {
        return switch (e.urgency()) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case ROUTINE -> "info";
        };
    }

    private static String detail(EscalationView e) {
        StringBuilder markdown = new StringBuilder()
                .append("**Rule** `").append(e.ruleId()).append("` (version ").append(e.ruleVersion()).append(")\n\n")
                .append(e.rationale()).append("\n\n**Evidence**\n\n");
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) e.evidence()::fields) {
            JsonNode value = field.getValue();
            markdown.append("- ").append(field.getKey()).append(": ")
                    .append(value.isValueNode() ? value.asText() : value.toString()).append('\n');
        }
        return markdown.append("\n**Guideline:** ").append(e.guidelineReference()).append("\n\n**Status:** ")
                .append(e.status().name().toLowerCase(Locale.ROOT)).append(" since ").append(e.updatedAt()).toString();
    }


    private static CdsHooks.Coding reason(String code, String display) {
        return new CdsHooks.Coding(code, FhirCodes.codeSystem("cds-override-reason"), display);
    }
}
