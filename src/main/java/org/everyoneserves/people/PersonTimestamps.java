package org.everyoneserves.people;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;

/** Stamps a person's creation and last change with the application's clock, which an entity cannot have injected. */
public class PersonTimestamps {

    @Inject
    Clock clock;

    @PrePersist
    @PreUpdate
    void touch(Person person) {
        person.touch(clock.instant());
    }
}
