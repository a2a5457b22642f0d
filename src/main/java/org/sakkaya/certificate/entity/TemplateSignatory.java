package org.sakkaya.certificate.entity;

/** A signatory as a template prints them; {@code signatureImage} (PNG or JPEG) may be null. */
public record TemplateSignatory(String name, String position, byte[] signatureImage) {
}
