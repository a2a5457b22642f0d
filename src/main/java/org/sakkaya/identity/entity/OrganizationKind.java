package org.sakkaya.identity.entity;

/** กระทรวง, กรม, กอง/ศูนย์/สำนัก, and outside partners (ภาคีเครือข่าย). */
public enum OrganizationKind {
    MINISTRY, DEPARTMENT, DIVISION, PARTNER
}
