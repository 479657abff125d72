package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.everyoneserves.content.CatalogItem.Kind;
import org.everyoneserves.content.CatalogPlan.Change;
import org.everyoneserves.content.CatalogPlan.Existing;
import org.everyoneserves.content.CatalogPlan.Type;
import org.junit.jupiter.api.Test;

class CatalogPlanTest {

    static Draft draft(String code, String hash, int revision) {
        return new Draft(Kind.MODULE, code, "t", "Title " + code, null, 5, revision, hash, "{}", "body", "content/tracks/t/" + code + ".md", Map.of());
    }

    static Map<String, Existing> existing(Existing... items) {
        return java.util.Arrays.stream(items).collect(java.util.stream.Collectors.toMap(Existing::key, e -> e));
    }

    @Test
    void anUnchangedItemIsCountedNotChanged() {
        CatalogPlan plan = CatalogPlan.of(List.of(draft("a", "h1", 1)), existing(new Existing(Kind.MODULE, "a", "A", "h1", 1, 4, false)));
        assertTrue(plan.isEmpty());
        assertEquals(1, plan.unchanged());
    }

    @Test
    void aNewItemBecomesVersionOne() {
        CatalogPlan plan = CatalogPlan.of(List.of(draft("a", "h1", 1)), Map.of());
        assertEquals(List.of(new Change(Kind.MODULE, "a", "Title a", Type.NEW, 0, 1, false)), plan.changes());
    }

    @Test
    void aChangeWithTheSameRevisionIsMinorAndARaisedRevisionIsMaterial() {
        Map<String, Existing> now = existing(new Existing(Kind.MODULE, "a", "A", "h1", 2, 3, false),
                new Existing(Kind.MODULE, "b", "B", "h1", 2, 1, false));
        CatalogPlan plan = CatalogPlan.of(List.of(draft("a", "h2", 2), draft("b", "h2", 3)), now);
        assertEquals(List.of(new Change(Kind.MODULE, "a", "Title a", Type.MINOR, 3, 4, false),
                new Change(Kind.MODULE, "b", "Title b", Type.MATERIAL, 1, 2, true)), plan.changes());
    }

    @Test
    void aLoweredRevisionIsNotMaterial() {
        CatalogPlan plan = CatalogPlan.of(List.of(draft("a", "h2", 1)), existing(new Existing(Kind.MODULE, "a", "A", "h1", 2, 2, false)));
        assertEquals(Type.MINOR, plan.changes().get(0).type());
    }

    @Test
    void aMissingItemIsRetiredOnceAndComesBackRestored() {
        Existing gone = new Existing(Kind.QUIZ, "q", "Q", "h1", 1, 2, false);
        CatalogPlan retire = CatalogPlan.of(List.of(), existing(gone));
        assertEquals(List.of(new Change(Kind.QUIZ, "q", "Q", Type.RETIRED, 2, 2, false)), retire.changes());
        assertFalse(retire.changes().get(0).publishes());

        Existing retired = new Existing(Kind.QUIZ, "q", "Q", "h1", 1, 2, true);
        assertTrue(CatalogPlan.of(List.of(), existing(retired)).isEmpty(), "an item already retired is not retired again");

        Draft back = new Draft(Kind.QUIZ, "q", "t", "Q", null, null, 1, "h1", "{}", null, "x", Map.of());
        Change restored = CatalogPlan.of(List.of(back), existing(retired)).changes().get(0);
        assertEquals(Type.RESTORED, restored.type());
        assertFalse(restored.publishes(), "unchanged, it keeps its version");

        Draft changed = new Draft(Kind.QUIZ, "q", "t", "Q", null, null, 1, "h9", "{}", null, "x", Map.of());
        assertEquals(3, CatalogPlan.of(List.of(changed), existing(retired)).changes().get(0).toVersion());
    }

    @Test
    void theSameCodeInTwoKindsIsTwoItems() {
        Draft module = draft("x", "h1", 1);
        Draft guide = new Draft(Kind.GUIDE, "x", "t", "G", null, null, 1, "h1", "{}", null, "x", Map.of());
        assertEquals(2, CatalogPlan.of(List.of(module, guide), Map.of()).count(Type.NEW));
    }
}
