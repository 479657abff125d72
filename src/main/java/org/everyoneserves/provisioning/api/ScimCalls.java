package org.everyoneserves.provisioning.api;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.InternalServerException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.problem.Problems;
import org.everyoneserves.provisioning.ScimClient;

/**
 * Calls into the provisioning service from the SCIM handlers and turns their refusals into SCIM's own errors: a
 * business rule's message, bean validation's fields, a uniqueness race lost in the database as 409 uniqueness, a
 * concurrent change of the same person as 409, and anything unexpected as a 500 that names only an id, which is also in the log.
 */
final class ScimCalls {

    private static final Logger LOG = Logger.getLogger(ScimCalls.class.getName());

    private ScimCalls() {
    }

    static ScimClient client(Context context) {
        return ((ProviderAuthorization) context.getAuthorization()).client();
    }

    static long id(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ResourceNotFoundException(what + " '" + id + "' does not exist");
        }
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ScimException e) {
            throw e;
        } catch (BusinessException e) {
            String detail = Problems.text(e.code(), e.arguments().toArray());
            throw switch (e.kind()) {
                case NOT_FOUND -> new ResourceNotFoundException(detail);
                case CONFLICT -> "error.staleVersion".equals(e.code()) ? new ConflictException(detail)
                        : new ConflictException(detail, ScimType.RFC7644.UNIQUENESS);
                default -> new BadRequestException(detail, ScimType.RFC7644.INVALID_VALUE);
            };
        } catch (ConstraintViolationException e) {
            throw new BadRequestException(e.getConstraintViolations().stream()
                    .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")), ScimType.RFC7644.INVALID_VALUE);
        } catch (RuntimeException e) {
            if (isUniquenessRace(e)) {
                throw new ConflictException("Another request made the same person or group at the same time; send it again",
                        ScimType.RFC7644.UNIQUENESS);
            }
            if (isConcurrentChange(e)) {
                throw new ConflictException("Another request changed the same person at the same time; send it again");
            }
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "SCIM request failed, error id " + errorId, e);
            throw new InternalServerException("Unexpected error; error id " + errorId);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniquenessRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}
