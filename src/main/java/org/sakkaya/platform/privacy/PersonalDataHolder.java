package org.sakkaya.platform.privacy;

import java.util.Map;
import java.util.Set;

/**
 * A feature that stores data about people. Each one exports and erases its own part, so that the PDPA export
 * ({@code GET /people/{id}/personal-data}) and erasure cover every table without one feature reading another's.
 */
public interface PersonalDataHolder {
    /** The export's section name, e.g. {@code "enrollments"}. */
    String section();

    /** The tables this holder answers for. */
    Set<String> tables();

    /** Everything this feature stores about the person, as JSON-ready values. */
    Map<String, Object> export(String personId);

    /** Removes or anonymises what identifies the person, keeping what aggregate figures need. */
    void erase(String personId);

    /**
     * Called before any holder's {@link #erase}, with the strings that identify the person (id, e-mail, names): removes
     * copies of them that this holder keeps where they are not tied to the person by a column, such as the answers
     * kept for other callers' retried requests. Most holders keep none.
     */
    default void eraseMentions(String personId, Set<String> mentions) {
    }
}
