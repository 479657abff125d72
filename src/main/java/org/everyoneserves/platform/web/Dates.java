package org.everyoneserves.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Moments on pages, in the viewer's language and the server's time zone: {@code #{dates.moment(entry.at)}}.
 * Faces' own converter cannot format an {@link Instant} with a pattern, since an instant has no zone.
 */
@Named
@ApplicationScoped
public class Dates {

    @Inject
    Clock clock;

    /** The server's time zone, in which pages show days and moments. */
    public java.time.ZoneId getZone() {
        return clock.getZone();
    }

    public String day(java.time.LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(date);
    }

    /** A month as its short name and year in the viewer's language, such as "Nov 2026". */
    public String month(java.time.YearMonth month) {
        if (month == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("LLL yyyy", FacesContext.getCurrentInstance().getViewRoot().getLocale()).format(month);
    }

    public String moment(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(clock.getZone())
                .format(instant);
    }
}
