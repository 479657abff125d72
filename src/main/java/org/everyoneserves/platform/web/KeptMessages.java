package org.everyoneserves.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page-wide messages survive the redirect after an action ("Saved", "Imported 3 people"): when a request ends in a
 * redirect, its messages wait in the session and are shown by the next page rendered. Not the Faces flash: Mojarra
 * keeps flash data in one server's memory, so on a cluster the next page, answered by another node, would lose them.
 * Field messages are not kept: they belong to the form that was posted.
 * <p>
 * The messages are put in the session by {@link Factory}'s external context, just before the redirect is sent: a
 * redirect completes the response at once, and the browser's next request can be answered before the action's request
 * has finished its phase. Kept after the phase instead, they could be looked for by that next page before they were
 * there, and were then lost (a refresher's "Right!" missing once in CI, on a loaded machine).
 */
public class KeptMessages implements PhaseListener {

    static final String KEY = "org.everyoneserves.keptMessages";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
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
        // nothing: messages are kept as the redirect is sent
    }

    /** Puts the request's page-wide messages in the session, for the page the redirect leads to. */
    static void keep(FacesContext context) {
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

    /** Makes the external contexts whose redirect keeps the messages first (registered in faces-config.xml). */
    public static final class Factory extends ExternalContextFactory {

        public Factory(ExternalContextFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExternalContext getExternalContext(Object context, Object request, Object response) {
            return new ExternalContextWrapper(getWrapped().getExternalContext(context, request, response)) {
                @Override
                public void redirect(String url) throws IOException {
                    FacesContext faces = FacesContext.getCurrentInstance();
                    if (faces != null) {
                        keep(faces);
                    }
                    super.redirect(url);
                }
            };
        }
    }
}
