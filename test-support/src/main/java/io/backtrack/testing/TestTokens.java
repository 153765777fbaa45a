package io.backtrack.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;

/** Real RS256 bearer tokens signed by the test OIDC server, with BackTrack's roles and clinic claim. */
public final class TestTokens {

    /** The audience every service accepts (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "backtrack-api";

    private TestTokens() {
    }

    public static String clinician(String clinicId) {
        return token("clinician-" + clinicId, Set.of("clinician"), Map.of("clinic_id", clinicId));
    }

    public static String clinician(String subject, String clinicId) {
        return token(subject, Set.of("clinician"), Map.of("clinic_id", clinicId));
    }

    public static String patient(String subject) {
        return token(subject, Set.of("patient"), Map.of());
    }

    public static String admin() {
        return token("admin", Set.of("admin"), Map.of());
    }

    public static String token(String subject, Set<String> roles, Map<String, String> claims) {
        return forAudience(AUDIENCE, subject, roles, claims);
    }

    /** A token signed by the same issuer but meant for another application of the realm. */
    public static String forAudience(String audience, String subject, Set<String> roles, Map<String, String> claims) {
        return OidcWiremockTestResource.generateJwtToken(subject, roles, subject, "Bearer", Set.of(audience), claims);
    }
}
