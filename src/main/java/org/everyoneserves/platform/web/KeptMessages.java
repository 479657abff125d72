package org.everyoneserves.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page-wide messages survive the redirect after an action ("Saved", "Imported 3 people"): when a request ends in a
 * redirect, its messages wait in the session and are shown by the next page rendered. Not the Faces flash: Mojarra
 * keeps flash data in one server's memory, so on a cluster the next page, answered by another node, would lose them.
 * Field messages are not kept: they belong to the form that was posted.
 */
public class KeptMessages implements PhaseListener {

    static final String KEY = "org.everyoneserves.keptMessages";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getPhaseId() != PhaseId.RENDER_RESPONSE) {
            return;
        }
        FacesContext context = event.getFacesContext();
        Map<String, Object> session = context.getExternalContext().getSessionMap();
        @SuppressWarnings("unchecked")
        List<FacesMessage> kept = (List<FacesMessage>) session.remove(KEY);
        if (kept != null) {
            List<FacesMessage> shown = context.getMessageList(null);
            kept.stream().filter(message -> !shown.contains(message)).forEach(message -> context.addMessage(null, message));
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.getResponseComplete() || !redirected(context)) {
            return;
        }
        List<FacesMessage> messages = context.getMessageList(null);
        if (messages.isEmpty()) {
            return;
        }
        Map<String, Object> session = context.getExternalContext().getSessionMap();
        @SuppressWarnings("unchecked")
        List<FacesMessage> kept = (List<FacesMessage>) session.get(KEY);
        ArrayList<FacesMessage> all = kept == null ? new ArrayList<>() : new ArrayList<>(kept);
        messages.stream().filter(message -> !all.contains(message)).forEach(all::add);
        session.put(KEY, all);   // put again: a distributed session replicates what is put, not what is changed in place
    }

    /** Whether messages wait in the session for the next page rendered. */
    static boolean waiting(jakarta.servlet.http.HttpSession session) {
        return session.getAttribute(KEY) != null;
    }

    private static boolean redirected(FacesContext context) {
        Object response = context.getExternalContext().getResponse();
        return response instanceof jakarta.servlet.http.HttpServletResponse http && http.getStatus() / 100 == 3;
    }
}
