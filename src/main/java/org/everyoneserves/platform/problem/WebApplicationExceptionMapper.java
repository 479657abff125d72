package org.everyoneserves.platform.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown paths, wrong methods, unsupported media types, unreadable bodies: all problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedErrorMapper.unexpected(e, uriInfo.getPath());
        }
        Response.ResponseBuilder problem = Response.fromResponse(Problems.of(status, code(status), uriInfo.getPath(), null, null));
        if (e instanceof NotAllowedException) {
            problem.allow(e.getResponse().getAllowedMethods());
        }
        return problem.build();
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "error.malformedRequest";
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.unknownPath";
            case 405 -> "error.methodNotAllowed";
            case 406 -> "error.notAcceptable";
            case 415 -> "error.unsupportedMediaType";
            default -> "error.http" + status;
        };
    }
}
