package io.backtrack.contracts.clinical;

import java.util.UUID;

/** One red flag found by a screen: which, how urgent, and what it may mean. */
public record RedFlagFinding(UUID flagId, RedFlagCode flag, Urgency urgency, SuspectedCondition suspectedCondition) {
}
