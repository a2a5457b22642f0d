package org.sakkaya.certificate.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A template's signatories as a JSON array in one column; a signature image is kept in Base64. */
@Converter
public class SignatoriesJson implements AttributeConverter<List<TemplateSignatory>, String> {
    @Override
    public String convertToDatabaseColumn(List<TemplateSignatory> signatories) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (TemplateSignatory s : signatories == null ? List.<TemplateSignatory>of() : signatories) {
            JsonObjectBuilder object = Json.createObjectBuilder().add("name", s.name()).add("position", s.position());
            if (s.signatureImage() != null) {
                object.add("signatureImage", Base64.getEncoder().encodeToString(s.signatureImage()));
            }
            array.add(object);
        }
        return array.build().toString();
    }

    @Override
    public List<TemplateSignatory> convertToEntityAttribute(String column) {
        List<TemplateSignatory> signatories = new ArrayList<>();
        if (column == null || column.isBlank()) {
            return signatories;
        }
        try (var reader = Json.createReader(new StringReader(column))) {
            for (JsonObject o : reader.readArray().getValuesAs(JsonObject.class)) {
                String image = o.getString("signatureImage", null);
                signatories.add(new TemplateSignatory(o.getString("name"), o.getString("position"),
                        image == null ? null : Base64.getDecoder().decode(image)));
            }
        }
        return signatories;
    }
}
