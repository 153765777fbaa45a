package io.backtrack.patient.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a clinic sends to register a patient or change their contact details. */
public final class PatientRequests {

    /** A name is one line: no line break or tab, which the text rules allow in notes. */
    private static final String ONE_LINE = "[^\\r\\n\\t]*";

    private PatientRequests() {
    }

    public record Contact(
            @Email @Size(min = 3, max = 254) String email,
            @Pattern(regexp = "^\\+?[0-9 ()-]{5,20}$", message = "must be a phone number") String phone) {
    }

    public record Registration(
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be on one line") String givenName,
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be on one line") String familyName,
            @NotNull @Past LocalDate birthDate,
            @NotNull Sex sex,
            @Valid Contact contact,
            @Size(max = 255) @Pattern(regexp = "\\S+", message = "must be a login subject, without blanks") String loginSubject) {
    }
}
