package org.sakkaya.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Bean-validation failures of a request: 400 with one entry per field, named as the client sent it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    private static final Logger LOG = Logger.getLogger(ConstraintViolationMapper.class.getName());

    @Override
    public Response toResponse(ConstraintViolationException e) {
        boolean ourFault = e.getConstraintViolations().stream().anyMatch(v -> hasKind(v, ElementKind.RETURN_VALUE));
        if (ourFault) {
            LOG.log(Level.SEVERE, "An answer failed its own validation", e);
            return Problem.of(500, "internal", "Internal error", "The server could not answer this request").toResponse();
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problem.of(400, "invalid-input", "Invalid input", detail).withErrors(errors).toResponse();
    }

    private static boolean hasKind(ConstraintViolation<?> violation, ElementKind kind) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.arg0.competencies[1].code} becomes {@code competencies[1].code} (the index is on the node after the
     * list), {@code questionIds.<list element>[0]} {@code questionIds[0]}; a whole body is {@code body}.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> parameter = node.getName();
                // an element of a list (List<@RecordId String> questionIds): its index, not its name "<list element>"
                case CONTAINER_ELEMENT -> placeIn(field, node);
                default -> {
                    // a node's index is its place in the list before it: activities[1].target, which was written
                    // activities.target[1] while the service's own rules said activities[1].target
                    placeIn(field, node);
                    if (node.getName() == null) {
                        continue;
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null || parameter.startsWith("arg") ? "body" : parameter;
    }

    private static void placeIn(StringBuilder field, Path.Node node) {
        if (node.isInIterable() && node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        }
    }
}
