package org.everyoneserves.platform;

import java.util.Collection;
import java.util.Map;

/**
 * People's display names by id, for a feature that must name people but may not depend on {@code people} (it sits
 * below it): implemented by {@code people}, found by CDI.
 */
public interface PersonNames {

    /** "First Last" by id, in one query; ids of nobody are left out. */
    Map<Long, String> displayNames(Collection<Long> personIds);
}
