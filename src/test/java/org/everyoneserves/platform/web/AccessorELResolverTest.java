package org.everyoneserves.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessorELResolverTest {

    public record Row(String name, int overdue) {

        public String greet(String whom) {
            return "hello " + whom;
        }

        public String broken() {
            throw new IllegalStateException("no");
        }
    }

    private final AccessorELResolver resolver = new AccessorELResolver();

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void aRecordsAccessorIsCalledAndTheCallIsResolved() {
        ELContext context = context();
        assertEquals("Ruth", resolver.invoke(context, new Row("Ruth", 2), "name", null, new Object[0]));
        assertTrue(context.isPropertyResolved());
        ELContext again = context();
        assertEquals(3, resolver.invoke(again, new Row("Noah", 3), "overdue", new Class<?>[0], new Object[0]), "the cached method, another row");
        assertTrue(again.isPropertyResolved());
    }

    @Test
    void callsWithArgumentsUnknownNamesAndHiddenClassesAreLeftToTheOtherResolvers() {
        ELContext context = context();
        assertNull(resolver.invoke(context, new Row("Ruth", 2), "greet", new Class<?>[] {String.class}, new Object[] {"you"}));
        assertNull(resolver.invoke(context, new Row("Ruth", 2), "nothing", null, new Object[0]));
        assertNull(resolver.invoke(context, List.of(1, 2, 3), "size", null, new Object[0]), "List.of's class is not public");
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void whatTheMethodThrowsComesOutAsEvaluationDoes() {
        ELException thrown = assertThrows(ELException.class, () -> resolver.invoke(context(), new Row("Ruth", 2), "broken", null, new Object[0]));
        assertSame(IllegalStateException.class, thrown.getCause().getClass());
    }
}
