package io.caravan.sandbox.protocol;

import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * How a call to an extension point's interface becomes a {@link Call} and back: every SDK
 * extension method takes the {@link PluginContext} first and then its request values, so a call is
 * named by the point and the method's name, and its other arguments travel as JSON typed by the
 * method's own signature, on both sides.
 */
public final class ExtensionMethods {
    private ExtensionMethods() {}

    /**
     * The SDK interface of a point, loaded by the SDK's own class loader.
     *
     * @param point the point
     * @return its interface
     */
    public static Class<?> interfaceOf(ExtensionPoint point) {
        try {
            return Class.forName(point.interfaceName(), false, ExtensionPoint.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the SDK lacks " + point.interfaceName(), e);
        }
    }

    /**
     * The abstract method of a point's interface with this name (SDK extension interfaces do not
     * overload).
     *
     * @param point  the point
     * @param method the method's name
     * @return the method, if the interface has it and it takes a context first
     */
    public static Optional<Method> find(ExtensionPoint point, String method) {
        Method found = null;
        for (Method m : interfaceOf(point).getMethods()) {
            if (m.getName().equals(method)
                    && Modifier.isAbstract(m.getModifiers())
                    && m.getParameterCount() >= 1
                    && m.getParameterTypes()[0] == PluginContext.class) {
                if (found != null) {
                    return Optional.empty();
                }
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
