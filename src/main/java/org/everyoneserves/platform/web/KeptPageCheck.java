package org.everyoneserves.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * After a page is rendered: a page that showed a message (one kept from before a redirect, a bad parameter) or keeps
 * view state (whose id in its forms is good for this rendering only) must not be sent again by {@link KeptPagesFilter}.
 */
public class KeptPageCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // only what the rendering showed counts
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        boolean stateless = context.getViewRoot() != null && context.getViewRoot().isTransient();
        if (!stateless || !context.getMessageList().isEmpty()) {
            context.getExternalContext().getRequestMap().put(KeptPagesFilter.UNKEPT, Boolean.TRUE);
        }
    }
}
