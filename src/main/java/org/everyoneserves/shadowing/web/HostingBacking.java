package org.everyoneserves.shadowing.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * /learner/hosting.xhtml: a host publishes slots, sees who is coming, cancels a slot before it starts, and after a
 * session confirms who came (or marks a no-show) with a note and a rating.
 */
@Named
@ViewScoped
public class HostingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ShadowingService shadowing;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    private Boolean mayHost;
    private List<ShadowingService.HostedSlot> slots;
    private LocalDate day;
    private LocalTime time = LocalTime.of(10, 0);
    private int minutes = 120;
    private String place;
    private int capacity = 1;
    private final Map<Long, String> notes = new HashMap<>();
    private final Map<Long, Integer> ratings = new HashMap<>();

    @PostConstruct
    void init() {
        day = LocalDate.now(clock).plusDays(7);
    }

    public boolean isMayHost() {
        if (mayHost == null) {
            mayHost = shadowing.mayHost(caller.get());
        }
        return mayHost;
    }

    public List<ShadowingService.HostedSlot> getSlots() {
        if (slots == null) {
            slots = shadowing.hosting(caller.get());
            slots.forEach(s -> s.guests().forEach(g -> {
                notes.putIfAbsent(g.bookingId(), g.note());
                ratings.putIfAbsent(g.bookingId(), g.rating());
            }));
        }
        return slots;
    }

    public String publish() {
        try {
            shadowing.publish(caller.get(), day.atTime(time).atZone(clock.getZone()).toInstant(), minutes, place, capacity);
        } catch (BusinessException e) {
            FieldErrors.of(e)
                    .on("publish:day", "shadowing.error.slotInPast")
                    .on("publish:minutes", "shadowing.error.minutes")
                    .on("publish:capacity", "shadowing.error.capacity")
                    .on("publish:place", "shadowing.error.place")
                    .show();
            return null;
        }
        Messages.info("learner_hosting.message.published");
        return "/learner/hosting.xhtml?faces-redirect=true";
    }

    public String cancelSlot(long slotId) {
        shadowing.cancelSlot(caller.get(), slotId);
        Messages.info("learner_hosting.message.cancelled");
        return "/learner/hosting.xhtml?faces-redirect=true";
    }

    public String confirm(long bookingId, boolean attended) {
        shadowing.confirm(caller.get(), bookingId, attended, notes.get(bookingId), ratings.get(bookingId));
        Messages.info(attended ? "learner_hosting.message.attended" : "learner_hosting.message.noShow");
        return "/learner/hosting.xhtml?faces-redirect=true";
    }

    public List<Integer> getRatingChoices() {
        return List.of(5, 4, 3, 2, 1);
    }

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public LocalTime getTime() { return time; }
    public void setTime(LocalTime time) { this.time = time; }
    public int getMinutes() { return minutes; }
    public void setMinutes(int minutes) { this.minutes = minutes; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public int getCapacity() { return capacity; }
    public void setCapacity(int capacity) { this.capacity = capacity; }
    public Map<Long, String> getNotes() { return notes; }
    public Map<Long, Integer> getRatings() { return ratings; }
}
