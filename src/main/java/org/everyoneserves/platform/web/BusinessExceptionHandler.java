package org.everyoneserves.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.validation.ConstraintViolationException;
import java.util.Iterator;
import org.everyoneserves.platform.BusinessException;

/**
 * A rule that said no during a page action becomes a message on the same page, in the viewer's language; nothing
 * is saved, since the service's transaction rolled back. So does a transaction the database gave up on a lock (a
 * deadlock or lock wait timeout: {@link Outage#isLockConflict}), with the form as it was typed, to send again. An
 * expired or forged form shows the expired page. Any other error goes on to the error pages (and a lock lost while a
 * page is rendered to {@link OutageFilter}'s 503).
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

    public BusinessExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable error = events.next().getContext().getException();
            if (find(error, ViewExpiredException.class) != null) {
                events.remove();
                expired(context);
                continue;
            }
            if (Outage.isLockConflict(error) && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                events.remove();
                Messages.error(Outage.BUSY_CODE + ".text");
                context.validationFailed();
                context.renderResponse();
                continue;
            }
            BusinessException business = find(error, BusinessException.class);
            ConstraintViolationException invalid = find(error, ConstraintViolationException.class);
            if (business == null && invalid == null) {
                continue;
            }
            events.remove();
            if (business != null && !context.isPostback() && (business.kind() == BusinessException.Kind.NOT_FOUND
                    || business.kind() == BusinessException.Kind.FORBIDDEN)) {
                notFound(context);
                continue;
            }
            if (business != null) {
                Messages.error(business);
            } else {
                invalid.getConstraintViolations().forEach(v ->
                        Messages.error("validation.field", v.getPropertyPath().toString(), v.getMessage()));
            }
            context.validationFailed();
            context.renderResponse();
        }
        getWrapped().handle();
    }

    /**
     * A form posted from a page whose view state the server no longer has (or never had: a forged post) is not
     * processed; the person sees why, in plain words.
     */
    private static void expired(FacesContext context) {
        context.getExternalContext().setResponseStatus(400);
        UIViewRoot view = context.getApplication().getViewHandler().createView(context, "/WEB-INF/errors/expired.xhtml");
        context.setViewRoot(view);
        context.renderResponse();
    }

    /** A page opened with an id the viewer may not see looks exactly like one with an id that does not exist. */
    private static void notFound(FacesContext context) {
        try {
            context.getExternalContext().responseSendError(404, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new BusinessExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
