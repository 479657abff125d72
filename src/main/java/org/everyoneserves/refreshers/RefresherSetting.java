package org.everyoneserves.refreshers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.everyoneserves.platform.BusinessException;

/** A person's refresher settings: how many items a day (3 to 5) and a holiday pause. */
@Entity
@Table(name = "refresher_setting")
class RefresherSetting {

    static final int LONGEST_PAUSE_DAYS = 92;

    @Id
    @Column(name = "person_id")
    private long personId;

    @Column(name = "daily_size", nullable = false)
    private int dailySize;

    @Column(name = "paused_from")
    private LocalDate pausedFrom;

    @Column(name = "paused_until")
    private LocalDate pausedUntil;

    @Version
    private int version;

    protected RefresherSetting() {
    }

    RefresherSetting(long personId) {
        this.personId = personId;
        this.dailySize = Spacing.MAX_DAILY;
    }

    boolean isPausedOn(LocalDate day) {
        return isPausedOn(pausedFrom, pausedUntil, day);
    }

    /** Whether a pause from {@code from} to {@code until} (none when null) covers the day. */
    static boolean isPausedOn(LocalDate from, LocalDate until, LocalDate day) {
        return until != null && !day.isBefore(from) && !day.isAfter(until);
    }

    void dailySize(int size) {
        if (size < Spacing.MIN_DAILY || size > Spacing.MAX_DAILY) {
            throw new BusinessException(BusinessException.Kind.INVALID, "refreshers.error.dailySize", Spacing.MIN_DAILY, Spacing.MAX_DAILY);
        }
        dailySize = size;
    }

    /** Pauses from today to {@code until} (inclusive), for at most {@value #LONGEST_PAUSE_DAYS} days. */
    void pause(LocalDate today, LocalDate until) {
        if (until.isBefore(today)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "refreshers.error.pauseInPast");
        }
        if (until.isAfter(today.plusDays(LONGEST_PAUSE_DAYS))) {
            throw new BusinessException(BusinessException.Kind.INVALID, "refreshers.error.pauseTooLong", LONGEST_PAUSE_DAYS);
        }
        pausedFrom = isPausedOn(today) ? pausedFrom : today;
        pausedUntil = until;
    }

    void resume() {
        pausedFrom = null;
        pausedUntil = null;
    }

    long getPersonId() { return personId; }
    int getDailySize() { return dailySize; }
    LocalDate getPausedUntil() { return pausedUntil; }
    int getVersion() { return version; }
}
