package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.everyoneserves.security.CurrentUser;

/** /: signed in, go to your home; otherwise, sign in. */
@Named
@RequestScoped
public class IndexBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    public void route() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + (currentUser.isSignedIn() ? currentUser.getHome() : "/login.xhtml"));
    }
}
