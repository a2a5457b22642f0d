package org.sakkaya.certificate.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sakkaya.platform.Jsons;

/** A template's signatories as a JSON array in one column; a signature image is kept in Base64. */
@Converter
public class SignatoriesJson implements AttributeConverter<List<TemplateSignatory>, String> {
    @Override
    public String convertToDatabaseColumn(List<TemplateSignatory> signatories) {
        JsonArrayBuilder array = Jsons.array();
        for (TemplateSignatory s : signatories == null ? List.<TemplateSignatory>of() : signatories) {
            JsonObjectBuilder object = Jsons.object().add("name", s.name()).add("position", s.position());
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
        for (JsonObject o : Jsons.parse(column).asJsonArray().getValuesAs(JsonObject.class)) {
            String image = o.getString("signatureImage", null);
            signatories.add(new TemplateSignatory(o.getString("name"), o.getString("position"),
                    image == null ? null : Base64.getDecoder().decode(image)));
        }
        return signatories;
    }
}
