package org.everyoneserves.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A bundle message with one argument as EL text, {@code #{texts.format('learner_plan.due', date)}}: the words
 * {@code h:outputFormat} writes (the same pattern, locale and escaping), without a component, and the state Faces saves and
 * restores for it on every row, inside a {@code ui:repeat}.
 */
@Named
@ApplicationScoped
public class Texts {

    public String format(String key, Object argument) {
        return Messages.text(key, argument);
    }
}
