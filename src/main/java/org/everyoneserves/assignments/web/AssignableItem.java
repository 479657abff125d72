package org.everyoneserves.assignments.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.io.Serializable;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.content.CatalogRow;
import org.everyoneserves.platform.web.Messages;

/** A module, quiz or shadowing guide chosen on the assign form; the page writes it as "KIND:code". */
public record AssignableItem(Assignment.Kind kind, String code) implements Serializable {

    public static AssignableItem of(CatalogRow row) {
        return new AssignableItem(Assignment.Kind.valueOf(row.kind().name()), row.code());
    }

    /** Parses "KIND:code"; anything else is not an item. */
    static AssignableItem parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("not KIND:code: " + value);
        }
        return new AssignableItem(Assignment.Kind.valueOf(value.substring(0, colon)), value.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind + ":" + code;
    }

    @FacesConverter(forClass = AssignableItem.class)
    public static class ItemConverter implements Converter<AssignableItem> {

        @Override
        public AssignableItem getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.text("assign.error.noItem"), null), e);
            }
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, AssignableItem value) {
            return value == null ? "" : value.toString();
        }
    }
}
