package org.everyoneserves.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.everyoneserves.platform.BusinessException;

/** Faces messages from the bundle, in the viewer's language. */
public final class Messages {

    public static final String BUNDLE = "org.everyoneserves.messages";

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }

    public static void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /** A message next to one field: {@code clientId} is the input's full id, such as "person:email". */
    public static void fieldError(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
        FacesContext.getCurrentInstance().validationFailed();
    }

    public static void error(BusinessException e) {
        error(e.code(), e.arguments().toArray());
    }

    public static String format(String key, List<String> arguments) {
        return text(key, arguments.toArray());
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = text(key, arguments);
        context.addMessage(clientId, new FacesMessage(severity, text, null));   // kept over a redirect by KeptMessages
    }
}
