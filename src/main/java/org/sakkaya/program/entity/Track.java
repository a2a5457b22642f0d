package org.sakkaya.program.entity;

public enum Track {
    DATA_SCIENCE, CONTENT_CREATOR, DIGITAL_HEALTH, OTHER
}
