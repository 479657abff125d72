package org.everyoneserves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Everything a view- or session-scoped bean holds is written to the shared session store after each request and read
 * back on whichever node answers next. A value that cannot be serialised does not fail the request: the replication
 * of the whole session is silently dropped (only a WARN, ISPN000559), and the other node then answers ViewExpired.
 * This test finds such values before a cluster does: every field of every passivating bean, and everything those
 * fields can hold, recursively, must be serialisable; injected fields must not be transient (they would be null after
 * the bean moved to another node).
 */
class SessionStateTest {

    private static final List<Class<?>> PASSIVATING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.everyoneserves").stream()
            .filter(c -> c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class)
                    || c.isAnnotatedWith(ConversationScoped.class))
            .map(JavaClass::reflect)
            .toList();

    @Test
    void thereAreBeansToCheck() {
        assertFalse(PASSIVATING.isEmpty(), "no view- or session-scoped beans found: the scan is broken");
    }

    @Test
    void everythingHeldInTheSessionSerialises() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : PASSIVATING) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
                continue;
            }
            for (Field field : fields(bean)) {
                if (field.isAnnotationPresent(Inject.class)) {
                    if (Modifier.isTransient(field.getModifiers())) {
                        problems.add(bean.getSimpleName() + "." + field.getName() + ": an injected field must not be transient (null on another node)");
                    }
                    continue;   // Weld checks injected beans for passivation at deployment; its proxies serialise
                }
                check(field.getGenericType(), bean.getSimpleName() + "." + field.getName(), problems, new HashSet<>());
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void check(Type type, String where, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    check(argument, where + "<>", problems, seen);
                }
                return;     // List.of, ArrayList, HashMap... are serialisable themselves
            }
            if (raw == Provider.class || raw == Instance.class) {
                return;
            }
            check(raw, where, problems, seen);
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, where, problems, seen);
            }
            return;
        }
        if (type instanceof TypeVariable<?> || type instanceof GenericArrayType) {
            problems.add(where + ": a generic value " + type + " cannot be checked; give it a concrete type");
            return;
        }
        Class<?> cls = (Class<?>) type;
        if (cls.isPrimitive() || cls.isEnum()) {
            return;
        }
        if (cls.isArray()) {
            check(cls.getComponentType(), where + "[]", problems, seen);
            return;
        }
        if (!Serializable.class.isAssignableFrom(cls)) {
            problems.add(where + ": " + cls.getName() + " is not Serializable");
            return;
        }
        if (cls.getName().startsWith("org.everyoneserves.")) {
            for (Field field : fields(cls)) {
                check(field.getGenericType(), where + "." + field.getName(), problems, seen);
            }
        }
    }

    /** The instance fields that serialisation writes, the class's own and its superclasses'. */
    private static List<Field> fields(Class<?> cls) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && (!Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class))
                        && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
