package io.backtrack.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of the {@code @ConfigMapping} interfaces in one source file, named as SmallRye Config
 * names them: prefix, then each abstract method in kebab case ({@code pollInterval} is
 * {@code poll-interval}) or its {@code @WithName}; a method returning a nested interface of the
 * same file is a group whose keys continue below it. Default methods are not keys.
 */
final class ConfigMappingKeys {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)[^{]*?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "([A-Za-z_][\\w.]*(?:<[^;(){}]*>)?(?:\\[])?)\\s+([a-z]\\w*)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Set<String> NOT_TYPES = Set.of("return", "throw", "new");

    private ConfigMappingKeys() {
    }

    static Set<String> of(String code) {
        Map<String, Body> interfaces = interfaces(code);
        Set<String> keys = new TreeSet<>();
        Matcher mapping = MAPPING.matcher(code);
        while (mapping.find()) {
            addKeys(mapping.group(1), interfaces.get(mapping.group(2)), code, interfaces, keys);
        }
        return keys;
    }

    private static void addKeys(String prefix, Body body, String code, Map<String, Body> interfaces, Set<String> keys) {
        for (Member member : members(body, code, interfaces)) {
            String key = prefix + "." + member.name();
            Body group = interfaces.get(member.type().replaceAll("^Optional<(.*)>$", "$1"));
            if (group != null) {
                addKeys(key, group, code, interfaces, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The abstract methods declared directly in this interface body, not in a nested one. */
    private static List<Member> members(Body body, String code, Map<String, Body> interfaces) {
        List<Member> members = new ArrayList<>();
        Matcher method = METHOD.matcher(code);
        method.region(body.start(), body.end());
        while (method.find()) {
            if (NOT_TYPES.contains(method.group(1)) || body.innermostAt(method.start(), interfaces.values()) != body) {
                continue;
            }
            String declaration = code.substring(declarationStart(code, method.start()), method.start());
            Matcher withName = WITH_NAME.matcher(declaration);
            String name = withName.find() ? withName.group(1) : kebab(method.group(2));
            members.add(new Member(method.group(1), name));
        }
        return members;
    }

    private static int declarationStart(String code, int methodStart) {
        int start = methodStart;
        while (start > 0 && ";{}".indexOf(code.charAt(start - 1)) < 0) {
            start--;
        }
        return start;
    }

    private static Map<String, Body> interfaces(String code) {
        Map<String, Body> bodies = new TreeMap<>();
        Matcher declaration = INTERFACE.matcher(code);
        while (declaration.find()) {
            int open = declaration.end() - 1;
            bodies.put(declaration.group(1), new Body(open + 1, matchingBrace(code, open)));
        }
        return bodies;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in a @ConfigMapping source");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private record Member(String type, String name) {
    }

    private record Body(int start, int end) {

        boolean contains(int position) {
            return position >= start && position < end;
        }

        /** This body, unless a nested interface body encloses the position. */
        Body innermostAt(int position, Iterable<Body> all) {
            Body innermost = this;
            for (Body other : all) {
                if (other != this && other.contains(position) && other.start > innermost.start) {
                    innermost = other;
                }
            }
            return innermost;
        }
    }
}
