package org.everyoneserves.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Bean-validation failures of requests as problem+json with one entry per field. Replaces RESTEasy's own mapper,
 * which answers in plain text or in its own JSON shape.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return Problems.of(400, "error.validation", uriInfo.getPath(), errors, null);
    }

    /** "request.body.email" (method, parameter, property) becomes "email", the name the client sent; a missing body is "body". */
    static String field(ConstraintViolation<?> violation) {
        StringJoiner properties = new StringJoiner(".");
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        return properties.length() > 0 ? properties.toString() : "body";
    }
}
