package dev.failforward;

import dev.failforward.api.PublicApi;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FailForward type a program meets through the entry point — in what a public method takes or
 * returns, a public field, a record's components, a sealed type's permitted subtypes, their generic
 * arguments, and so on from those types — is marked {@link PublicApi}, so that "what may a program rely
 * on" has one answer.
 */
class PublicApiTest {

    @Test
    void everyTypeReachableFromTheEntryPointIsMarked() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(FailForward.class);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (!seen.add(c)) {
                continue;
            }
            Set<Type> uses = new LinkedHashSet<>();
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass().getName().startsWith("dev.failforward")) {
                    uses.add(m.getGenericReturnType());
                    uses.addAll(java.util.List.of(m.getGenericParameterTypes()));
                }
            }
            for (Field f : c.getFields()) {
                uses.add(f.getGenericType());
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    uses.add(rc.getGenericType());
                }
            }
            if (c.isSealed()) {
                uses.addAll(java.util.List.of(c.getPermittedSubclasses()));
            }
            for (Type t : uses) {
                for (Class<?> used : classesOf(t)) {
                    if (ours(used) && !seen.contains(used)) {
                        queue.add(used);
                    }
                }
            }
        }
        Set<String> unmarked = new TreeSet<>();
        for (Class<?> c : seen) {
            if (!c.isAnnotationPresent(PublicApi.class) && !(c.getEnclosingClass() != null
                    && outermost(c).isAnnotationPresent(PublicApi.class))) {
                unmarked.add(c.getName());
            }
        }
        assertThat(unmarked).as("types reachable from FailForward without @PublicApi").isEmpty();
        assertThat(seen).hasSizeGreaterThan(20);
    }

    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("dev.failforward.") && Modifier.isPublic(c.getModifiers());
    }

    private static Class<?> outermost(Class<?> c) {
        Class<?> out = c;
        while (out.getEnclosingClass() != null) {
            out = out.getEnclosingClass();
        }
        return out;
    }

    private static Set<Class<?>> classesOf(Type t) {
        Set<Class<?>> out = new LinkedHashSet<>();
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (t instanceof ParameterizedType p) {
            out.addAll(classesOf(p.getRawType()));
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(classesOf(a));
            }
        } else if (t instanceof GenericArrayType g) {
            out.addAll(classesOf(g.getGenericComponentType()));
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                out.addAll(classesOf(b));
            }
        }
        return out;
    }
}
