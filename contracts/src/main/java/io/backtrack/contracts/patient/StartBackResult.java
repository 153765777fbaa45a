package io.backtrack.contracts.patient;

import io.backtrack.contracts.clinical.StartBackRisk;

public record StartBackResult(int total, int psychosocialSubscale, StartBackRisk risk) {
}
