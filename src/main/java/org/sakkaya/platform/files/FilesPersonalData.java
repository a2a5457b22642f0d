package org.sakkaya.platform.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/** Which files a person uploaded. The features that own the files delete personal ones; the uploader link goes. */
@ApplicationScoped
public class FilesPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "files";
    }

    @Override
    public Set<String> tables() {
        return Set.of("stored_file");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uploads", em.createQuery("SELECT f FROM StoredFile f WHERE f.uploadedBy = :id ORDER BY f.uploadedAt", StoredFile.class)
                .setParameter("id", personId).getResultList().stream()
                .map(f -> Map.of("id", f.id(), "name", f.originalName(), "mediaType", f.mediaType(),
                        "sizeBytes", f.sizeBytes(), "uploadedAt", Bangkok.text(f.uploadedAt())))
                .toList());
        return data;
    }

    @Override
    public void erase(String personId) {
        em.createQuery("UPDATE StoredFile f SET f.uploadedBy = NULL WHERE f.uploadedBy = :id").setParameter("id", personId).executeUpdate();
    }
}
