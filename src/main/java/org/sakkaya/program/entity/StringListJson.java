package org.sakkaya.program.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;
import org.sakkaya.platform.Jsons;

/** A short list of ids kept as a JSON array in one column. */
@Converter
public class StringListJson implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> values) {
        JsonArrayBuilder array = Jsons.array();
        if (values != null) {
            values.forEach(array::add);
        }
        return array.build().toString();
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        List<String> values = new ArrayList<>();
        if (column == null || column.isBlank()) {
            return values;
        }
        Jsons.parse(column).asJsonArray().getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
        return values;
    }
}
