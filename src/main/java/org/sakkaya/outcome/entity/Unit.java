package org.sakkaya.outcome.entity;

/** หน่วยนับ: ร้อยละ, คน, งาน. */
public enum Unit {
    PERCENT("ร้อยละ"), PERSON("คน"), WORK("งาน");

    private final String th;

    Unit(String th) {
        this.th = th;
    }

    public String th() {
        return th;
    }
}
