package org.sakkaya.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.sakkaya.platform.problem.PreconditionFailed;

/**
 * {@code ETag} and {@code If-Match} for a record that two people may edit at once (a programme, a cohort, a person):
 * the tag is the record's version. A {@code PATCH} that sends the tag it read is refused with 412 when someone saved
 * the record since, instead of replacing their change unseen (a list such as a pass policy or the roles is replaced
 * whole). Without {@code If-Match} a {@code PATCH} is applied as before.
 */
public final class RecordVersions {
    private RecordVersions() {
    }

    /** 200 with the view and the record's version as its strong {@code ETag}. */
    public static Response ok(Object view, int version) {
        return Response.ok(view).tag(tag(version)).build();
    }

    public static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** Refuses a change to a record read at another version than {@code version}: 412 {@code record-changed}. */
    public static void requireMatch(String ifMatch, int version, String record) {
        if (ifMatch != null && !matches(ifMatch, Integer.toString(version))) {
            throw new PreconditionFailed("record-changed", "The " + record + " was changed since it was read (If-Match "
                    + ifMatch.strip() + "; it is now \"" + version + "\"): read it again and apply the change to what is there");
        }
    }

    /**
     * The changed record written now with its version moved on, so that the answer carries the new {@code ETag}: every
     * change counts, one to a list the record holds (its roles, its competencies) too, which would not by itself.
     */
    public static <T> T saved(EntityManager em, T record) {
        em.lock(record, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return record;
    }

    /** {@code If-Match}: {@code *}, or a list of strong tags one of which is {@code tag}. */
    public static boolean matches(String ifMatch, String tag) {
        for (String given : ifMatch.split(",")) {
            String t = given.strip();
            if (t.equals("*") || t.equals('"' + tag + '"')) {
                return true;
            }
        }
        return false;
    }
}
