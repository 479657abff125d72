package org.everyoneserves.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A form posted from a transient view of the signed-in pages (learner, manager, admin, account) must carry the
 * session's {@link FormToken}, else it is refused (403) before anything in it is applied: with no view state kept, that
 * token is what tells the person's own page from another site posting in their name. Stateful views keep Faces' own
 * check (their view state id); the sign-in pages, which make no session, are outside these folders.
 */
public class StatelessPostbacks implements PhaseListener {

    private static final long serialVersionUID = 1L;

    static final List<String> SIGNED_IN_AREAS = List.of("/learner/", "/manager/", "/admin/", "/account/");

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (!context.isPostback() || view == null || !view.isTransient()
                || SIGNED_IN_AREAS.stream().noneMatch(area -> view.getViewId().startsWith(area))) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        if (!matches(FormToken.of(external), external.getRequestParameterMap().get(FormToken.FIELD))) {
            try {
                external.responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
    }

    static boolean matches(String expected, String sent) {
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
