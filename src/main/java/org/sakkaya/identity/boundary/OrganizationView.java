package org.sakkaya.identity.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;

/** Every field is in the answer, null when there is none (a ministry's {@code parentId}). */
@JsonbNillable
public record OrganizationView(String id, String code, String nameTh, String nameEn, OrganizationKind kind,
                               String parentId, String province) {
    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id(), o.code(), o.nameTh(), o.nameEn(), o.kind(), o.parentId(), o.province());
    }
}
