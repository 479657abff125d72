package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-container tests only: the reset links the application e-mails, by address, as the mail would carry them. */
@ApplicationScoped
public class ResetLinks {

    private final Map<String, List<String>> tokens = new ConcurrentHashMap<>();

    void made(@Observes AccountService.ResetLinkMade made) {
        tokens.computeIfAbsent(made.email(), e -> new CopyOnWriteArrayList<>()).add(made.token());
    }

    public List<String> sentTo(String email) {
        return tokens.getOrDefault(email, List.of());
    }
}
