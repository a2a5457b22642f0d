package org.sakkaya.platform.problem;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * How every resource reads two kinds of query parameter, so that no resource has to remember it.
 * <ul>
 *   <li><b>Ids</b> (a {@code String} parameter whose name ends in {@code Id}: {@code cohortId}, {@code organizationId},
 *   {@code programId}, {@code parentId}, ...). A blank one is no filter, as a blank {@code q} or {@code fiscalYear}
 *   already was. A client filling the API's {@code ?cohortId=&organizationId=} with a blank, or a form sending its empty
 *   choice, got a page of nothing (the certificates ZIP a manifest with no rows) because the facades filtered on
 *   {@code ""}. Whether an id that is not blank can name a record is {@link IdParameters}' check.</li>
 *   <li><b>Flags</b> ({@code boolean} or {@code Boolean}): {@code true} or {@code false} in any case, and blank is not
 *   given (the parameter's default). Anything else is a 400 naming the parameter. Jersey's own reading,
 *   {@link Boolean#valueOf}, took {@code frozen=1} or {@code frozen=yes} for false, and answered the live records to
 *   someone who asked for the frozen ones.</li>
 * </ul>
 * A value a converter refuses reaches {@link WebApplicationExceptionMapper} wrapped in Jersey's parameter exception; the
 * {@link InvalidInput} inside it is answered as it is.
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
        if (rawType == boolean.class || rawType == Boolean.class) {
            // a primitive without a @DefaultValue has nothing to fall back on: absent or blank is false, as before
            boolean primitiveWithoutDefault = rawType == boolean.class && !has(annotations, DefaultValue.class);
            return (ParamConverter<T>) new Flag(name, primitiveWithoutDefault ? Boolean.FALSE : null);
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

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        for (Annotation a : annotations) {
            if (type.isInstance(a)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} or {@code false}; {@code notGiven} when absent or blank (null: the parameter's default). */
    record Flag(String name, Boolean notGiven) implements ParamConverter<Boolean> {
        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isBlank()) {
                return notGiven;
            }
            String typed = value.strip();
            if ("true".equalsIgnoreCase(typed)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(typed)) {
                return Boolean.FALSE;
            }
            // not an IllegalArgumentException: Jersey would quietly take the default for it
            throw new InvalidInput(name, "must be true or false");
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    }
}
