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

    /** The code without surrounding spaces, which the column would ignore in comparisons and assessments would not. */
    public Competency(String code, String nameTh) {
        this.code = code.strip();
        this.nameTh = nameTh;
    }

    public String code() {
        return code;
    }

    public String nameTh() {
        return nameTh;
    }
}
