package org.everyoneserves.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    private static BusinessException refusal(String code, Object... arguments) {
        return new BusinessException(BusinessException.Kind.INVALID, code, arguments);
    }

    private static FieldErrors personForm(BusinessException e) {
        return FieldErrors.of(e)
                .on("person:email", "people.error.duplicateEmail")
                .on("person:manager", "people.error.unknownManager", "people.error.managerCycle");
    }

    @Test
    void eachCodeGoesToTheFieldThatNamesIt() {
        assertEquals(Optional.of("person:email"), personForm(refusal("people.error.duplicateEmail")).field());
        assertEquals(Optional.of("person:manager"), personForm(refusal("people.error.unknownManager")).field());
        assertEquals(Optional.of("person:manager"), personForm(refusal("people.error.managerCycle")).field());
    }

    @Test
    void aCodeNoFieldNamesIsThrownOnForThePageHandler() {
        BusinessException stale = BusinessException.staleVersion();
        FieldErrors errors = personForm(stale);
        assertTrue(errors.field().isEmpty());
        assertSame(stale, assertThrows(BusinessException.class, errors::show));
    }

    @Test
    void theFirstFieldThatNamesACodeKeepsIt() {
        FieldErrors errors = FieldErrors.of(refusal("x.error.a")).on("form:first", "x.error.a").on("form:second", "x.error.a");
        assertEquals(Optional.of("form:first"), errors.field());
    }

    @Test
    void aRepeatedFieldIsFoundFromTheRefusalsArguments() {
        FieldErrors errors = FieldErrors.of(refusal("shadowing.error.answerMissing", 3))
                .on(arguments -> "reflection:answers:" + (((Number) arguments.get(0)).intValue() - 1) + ":answer",
                        "shadowing.error.answerMissing")
                .on("reflection:takeaway", "shadowing.error.takeawayMissing");
        assertEquals(Optional.of("reflection:answers:2:answer"), errors.field());
    }

    @Test
    void anArgumentDependentFieldIsNotWorkedOutForOtherCodes() {
        FieldErrors errors = FieldErrors.of(refusal("shadowing.error.takeawayMissing"))
                .on(arguments -> "reflection:answers:" + (((Number) arguments.get(0)).intValue() - 1) + ":answer",
                        "shadowing.error.answerMissing")
                .on("reflection:takeaway", "shadowing.error.takeawayMissing");
        assertEquals(Optional.of("reflection:takeaway"), errors.field());
    }
}
