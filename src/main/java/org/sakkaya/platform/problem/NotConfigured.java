package org.sakkaya.platform.problem;

/** A feature this installation has not been given what it needs (a key, a folder): 503 until the operator sets it. */
public class NotConfigured extends DomainException {
    public NotConfigured(String what, String setting) {
        super(503, "not-configured", "Not configured", what + " is not configured on this installation (" + setting + ")");
    }
}
