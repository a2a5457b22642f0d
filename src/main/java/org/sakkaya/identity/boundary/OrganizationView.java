package org.sakkaya.identity.boundary;

import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;

public record OrganizationView(String id, String code, String nameTh, String nameEn, OrganizationKind kind,
                               String parentId, String province) {
    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id(), o.code(), o.nameTh(), o.nameEn(), o.kind(), o.parentId(), o.province());
    }
}
