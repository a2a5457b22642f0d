package org.sakkaya.identity.entity;

public enum Role {
    TRAINEE, TRAINER, HR, PROGRAM_ADMIN, EXECUTIVE, ADMIN
}
