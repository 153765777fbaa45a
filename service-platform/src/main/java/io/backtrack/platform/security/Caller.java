package io.backtrack.platform.security;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: subject, role and clinic, read from the verified bearer token. */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";

    private final SecurityIdentity identity;
    /** Read once per request: the token library looks a custom claim up by throwing and catching an exception. */
    private Optional<String> clinicId;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Optional<String> clinicId() {
        if (clinicId == null) {
            clinicId = identity.getPrincipal() instanceof JsonWebToken jwt
                    ? Optional.ofNullable(jwt.<Object>getClaim(CLINIC_CLAIM)).map(Object::toString).filter(s -> !s.isBlank())
                    : Optional.empty();
        }
        return clinicId;
    }

    /** The caller's clinic; a clinician token without one cannot act on patient data. */
    public String requiredClinicId() {
        return clinicId().orElseThrow(() -> new ProblemException(Problem.forbidden(
                "The token has no " + CLINIC_CLAIM + " claim, so it cannot reach patient data.")));
    }

    public boolean isClinician() {
        return identity.hasRole(Roles.CLINICIAN);
    }

    public boolean isPatient() {
        return identity.hasRole(Roles.PATIENT) && !isClinician() && !isAdmin();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /**
     * The tenancy rule of every service: a clinician reaches the patients of their own clinic, a
     * patient only their own record (linked by its login subject), anyone else no patient at all.
     */
    public boolean mayReachPatient(String patientClinicId, String patientLoginSubject) {
        if (isClinician()) {
            return patientClinicId.equals(requiredClinicId());
        }
        if (isPatient()) {
            return patientLoginSubject != null && subject().equals(patientLoginSubject);
        }
        return false;
    }

    /** The role recorded in the audit trail: the most privileged one the caller holds. */
    public String primaryRole() {
        if (isAdmin()) {
            return Roles.ADMIN;
        }
        if (isClinician()) {
            return Roles.CLINICIAN;
        }
        if (identity.hasRole(Roles.PATIENT)) {
            return Roles.PATIENT;
        }
        return "none";
    }
}
