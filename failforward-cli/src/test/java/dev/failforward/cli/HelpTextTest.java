package dev.failforward.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every help text of every verb, as written in its annotations, is a valid format string: picocli
 * formats descriptions, headers and footers, and an unescaped {@code %} (such as "70% of rows") makes
 * it print "[picocli WARN] Could not format" lines instead.
 */
class HelpTextTest {

    @Test
    void everyHelpTextFormats() {
        List<String> bad = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        check(new CommandLine(new FailForwardCommand()).getCommandSpec(), bad, seen);
        assertThat(seen).as("commands and mixins read").hasSizeGreaterThan(10);
        assertThat(bad).as("texts with an unescaped per cent sign (write two)").isEmpty();
    }

    private static void check(CommandSpec spec, List<String> bad, Set<Class<?>> seen) {
        Object user = spec.userObject();
        if (user != null && !(user instanceof java.lang.reflect.Method)) {
            texts(user instanceof Class<?> c ? c : user.getClass(), bad, seen);
        }
        spec.subcommands().values().forEach(sub -> check(sub.getCommandSpec(), bad, seen));
    }

    private static void texts(Class<?> type, List<String> bad, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        List<String> texts = new ArrayList<>();
        Command command = type.getAnnotation(Command.class);
        if (command != null) {
            texts.addAll(List.of(command.description()));
            texts.addAll(List.of(command.header()));
            texts.addAll(List.of(command.footer()));
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getAnnotation(Option.class) != null) {
                    texts.addAll(List.of(f.getAnnotation(Option.class).description()));
                }
                if (f.getAnnotation(Parameters.class) != null) {
                    texts.addAll(List.of(f.getAnnotation(Parameters.class).description()));
                }
                if (f.getAnnotation(Mixin.class) != null || f.getAnnotation(CommandLine.ArgGroup.class) != null) {
                    texts(f.getType(), bad, seen);
                }
            }
        }
        for (String t : texts) {
            try {
                String.format(Locale.ROOT, t.replace("${", "$["));
            } catch (java.util.IllegalFormatException e) {
                bad.add(type.getSimpleName() + ": " + t);
            }
        }
    }
}
