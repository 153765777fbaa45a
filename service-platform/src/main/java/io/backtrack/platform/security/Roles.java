package io.backtrack.platform.security;

public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String PATIENT = "patient";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
