package org.everyoneserves.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls without arguments in page expressions ({@code #{p.name()}} on a record, the pages' usual form) find their method
 * once per class and name. EL's own resolver looks the method up on every call, copying the class's public methods each
 * time: under load that was 7-9 % of the processor samples of the manager overview and the learner home (Flight
 * Recorder, {@code Class.getMethods} under {@code ELUtil.findMethod}), whose rows make hundreds of such calls. Only
 * public methods this class may call straight away are taken; anything else (arguments, a method of a hidden
 * implementation class such as {@code List.of}'s) is left to the resolvers after this one, as before.
 */
public class AccessorELResolver extends ELResolver {

    private static final Map<Class<?>, Map<String, Optional<Method>>> METHODS = new ConcurrentHashMap<>();

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !(method instanceof String name) || (params != null && params.length > 0)
                || (paramTypes != null && paramTypes.length > 0)) {
            return null;
        }
        Optional<Method> found = METHODS.computeIfAbsent(base.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> accessor(base, n));
        if (found.isEmpty()) {
            return null;
        }
        try {
            Object result = found.get().invoke(base);
            context.setPropertyResolved(base, method);
            return result;
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    /** The public method without parameters that this class's instances answer to, if this resolver may call it directly. */
    private static Optional<Method> accessor(Object base, String name) {
        try {
            Method m = base.getClass().getMethod(name);
            boolean callable = !Modifier.isStatic(m.getModifiers()) && m.canAccess(base);
            return callable ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // property writes are the other resolvers' job
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
