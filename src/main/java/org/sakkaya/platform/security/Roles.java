package org.sakkaya.platform.security;

/** Role names, as they stand in tokens' {@code groups} claim and in {@code @RolesAllowed}. */
public final class Roles {
    public static final String TRAINEE = "TRAINEE";
    public static final String TRAINER = "TRAINER";
    public static final String HR = "HR";
    public static final String PROGRAM_ADMIN = "PROGRAM_ADMIN";
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
