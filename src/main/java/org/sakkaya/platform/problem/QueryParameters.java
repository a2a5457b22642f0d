package org.sakkaya.platform.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * How every resource reads its id query parameters, so that no resource has to remember it: a {@code String} parameter
 * whose name ends in {@code Id} ({@code cohortId}, {@code organizationId}, {@code programId}, {@code parentId}, ...)
 * left blank is no filter, as a blank {@code q} or {@code fiscalYear} already was. A client filling the API's
 * {@code ?cohortId=&organizationId=} with a blank, or a form sending its empty choice, got a page of nothing (the
 * certificates ZIP a manifest with no rows) because the facades filtered on {@code ""}. Whether an id that is not blank
 * can name a record is {@link IdParameters}' check.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    private static final ParamConverter<String> ID = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            // null makes Jersey use the parameter's default: none, for every id parameter there is
            return value == null || value.isBlank() ? null : value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == String.class && name.endsWith("Id")) {
            return (ParamConverter<T>) ID;
        }
        return null;
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return null;
    }
}
