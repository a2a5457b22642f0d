package org.sakkaya.program.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A competency (สมรรถนะ) the programme develops; assessments map to them by code. */
@Embeddable
public class Competency {
    @Column(nullable = false)
    private String code;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    protected Competency() {
    }

    public Competency(String code, String nameTh) {
        this.code = code;
        this.nameTh = nameTh;
    }

    public String code() {
        return code;
    }

    public String nameTh() {
        return nameTh;
    }
}
