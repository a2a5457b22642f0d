package org.sakkaya.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * The answers kept for a day for the person's keyed requests. Erasure removes them, and every kept answer given to
 * someone else that names the person (an HR officer's registration of them, say).
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
            return Map.of("idempotencyKey", row[0], "method", row[1], "path", row[2], "status", row[3], "createdAt", row[4].toString());
        }).toList());
        return data;
    }

    @Override
    public void erase(String personId) {
        em.createNativeQuery("DELETE FROM idempotent_request WHERE person_id = ?1 OR INSTR(body, ?2) > 0")
                .setParameter(1, personId).setParameter(2, personId).executeUpdate();
    }
}
