package io.backtrack.patient.registration;

import java.util.List;

public record PatientPage(List<PatientView> items, int page, int size, long total) {
}
