package org.everyoneserves.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.platform.web.Outage;

/**
 * Anything else. A body JSON-B cannot read is the client's fault (400); a database that cannot be reached, and a
 * transaction the database gave up on a lock (deadlock, lock wait timeout; rolled back whole, so the same request may
 * be sent again), are a 503 with Retry-After; every other error is a 500 with an id that is also in the log, and never
 * the exception's message or stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        if (isUnreadableBody(e)) {
            return Problems.of(400, "error.malformedRequest", uriInfo.getPath(), null, null);
        }
        if (Outage.isDatabaseDown(e)) {
            LOG.warning(() -> "Database unreachable on /" + uriInfo.getPath());
            return Problems.unavailable(uriInfo.getPath());
        }
        if (Outage.isLockConflict(e)) {
            LOG.warning(() -> "Transaction lost on a lock on /" + uriInfo.getPath() + ": " + e);
            return Problems.busy(uriInfo.getPath());
        }
        return unexpected(e, uriInfo.getPath());
    }

    static Response unexpected(Throwable e, String path) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId + " on /" + path, e);
        return Problems.of(500, "error.unexpected", path, null, errorId);
    }

    static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof ProcessingException
                    || t instanceof jakarta.json.stream.JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
