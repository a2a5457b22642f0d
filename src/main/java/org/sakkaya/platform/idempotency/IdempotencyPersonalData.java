package org.sakkaya.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * The answers kept for a day for the person's keyed requests. Erasure removes them, and every kept answer given to
 * someone else that mentions the person.
 */
@ApplicationScoped
public class IdempotencyPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "idempotentRequests";
    }

    @Override
    public Set<String> tables() {
        return Set.of("idempotent_request");
    }

    @Override
    public Map<String, Object> export(String personId) {
        List<?> rows = em.createNativeQuery("SELECT idem_key, method, path, status, created_at FROM idempotent_request "
                        + "WHERE person_id = ?1 ORDER BY created_at")
                .setParameter(1, personId).getResultList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requests", rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return Map.of("idempotencyKey", row[0], "method", row[1], "path", row[2], "status", row[3], "createdAt", Bangkok.text(utc(row[4])));
        }).toList());
        return data;
    }

    /** The person's own kept answers. */
    @Override
    public void erase(String personId) {
        em.createNativeQuery("DELETE FROM idempotent_request WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
    }

    /**
     * Every kept answer that mentions the person: an HR officer's registration of them, a trainer's feedback that
     * names them. A mention of a common first name may take another person's kept answer with it; that retry is then
     * applied again instead of answered from the record, which the request's own rules (a revision, a 409) handle.
     */
    @Override
    public void eraseMentions(String personId, Set<String> mentions) {
        for (String mention : mentions) {
            em.createNativeQuery("DELETE FROM idempotent_request WHERE INSTR(body, ?1) > 0 OR INSTR(path, ?2) > 0")
                    .setParameter(1, mention.getBytes(StandardCharsets.UTF_8)).setParameter(2, mention).executeUpdate();
        }
    }

    /** A DATETIME column of UTC, however the driver hands it over. */
    private static java.time.Instant utc(Object value) {
        java.time.LocalDateTime time = value instanceof java.sql.Timestamp stamp ? stamp.toLocalDateTime() : (java.time.LocalDateTime) value;
        return time.toInstant(java.time.ZoneOffset.UTC);
    }
}
