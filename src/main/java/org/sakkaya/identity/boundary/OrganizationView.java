package org.sakkaya.identity.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;

/**
 * Every field is in the answer, null when there is none (a ministry's {@code parentId}). {@code registrationDomains}
 * are the e-mail domains whose owners may register themselves here, in their ASCII spelling, sorted; empty for none.
 */
@JsonbNillable
public record OrganizationView(String id, String code, String nameTh, String nameEn, OrganizationKind kind,
                               String parentId, String province, List<String> registrationDomains) {
    static OrganizationView of(Organization o, List<String> registrationDomains) {
        return new OrganizationView(o.id(), o.code(), o.nameTh(), o.nameEn(), o.kind(), o.parentId(), o.province(),
                List.copyOf(registrationDomains));
    }
}
