package org.everyoneserves.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

@WebListener
public class SessionListener implements HttpSessionListener, HttpSessionAttributeListener {

    @Inject
    SessionRegistry registry;

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (AppAuthenticationMechanism.SESSION_PERSON.equals(event.getName()) && event.getValue() instanceof Long id) {
            registry.add(id, event.getSession());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        registry.remove(event.getSession());
    }
}
