package org.everyoneserves.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The formatters of each language, made once: a page with 50 rows formats a hundred dates. */
    private final Map<Locale, DateTimeFormatter> days = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> moments = new ConcurrentHashMap<>();

    public String day(java.time.LocalDate date) {
        if (date == null) {
            return "";
        }
        return days.computeIfAbsent(locale(), l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l)).format(date);
    }

    /** A month as its short name and year in the viewer's language, such as "Nov 2026". */
    public String month(java.time.YearMonth month) {
        if (month == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("LLL yyyy", locale()).format(month);
    }

    public String moment(Instant instant) {
        if (instant == null) {
            return "";
        }
        return moments.computeIfAbsent(locale(), l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(l))
                .withZone(clock.getZone())
                .format(instant);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
