package org.everyoneserves.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

class PersonTest {

    static Person person(String name) {
        return new Person(name + "@x.example", name, "Test", LocalDate.of(2026, 1, 5));
    }

    @Test
    void nobodyReportsToThemselvesDirectlyOrThroughOthers() {
        Person top = person("top");
        Person middle = person("middle");
        Person bottom = person("bottom");
        middle.reportTo(top);
        bottom.reportTo(middle);
        assertEquals("people.error.managerCycle", assertThrows(BusinessException.class, () -> top.reportTo(bottom)).code());
        assertThrows(BusinessException.class, () -> top.reportTo(top));
        assertSame(null, top.getManager(), "the refused change left the manager as it was");
        bottom.reportTo(top);
        assertSame(top, bottom.getManager());
    }

    @Test
    void emailsAreStoredTrimmedAndInLowerCase() {
        Person person = new Person("  Ada.Lovelace@Example.ORG ", "Ada", "Lovelace", LocalDate.of(2026, 1, 5));
        assertEquals("ada.lovelace@example.org", person.getEmail());
    }

    @Test
    void codesAreMadeFromNames() {
        assertEquals("finance-collections", Codes.fromName("Finance & Collections"));
        assertEquals("operations-produktion", Codes.fromName("  Operations / Produktion "));
    }
}
