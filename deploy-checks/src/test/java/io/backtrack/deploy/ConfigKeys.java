package io.backtrack.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configuration keys a service reads, from its source tree and the libraries every service
 * uses (service-platform, event-messaging): the keys of application.properties and
 * META-INF/microprofile-config.properties (without profile prefixes), {@code @ConfigProperty} names,
 * {@code ${key}} expressions in annotations, and {@code @ConfigMapping} interfaces.
 */
final class ConfigKeys {

    private static final String[] SHARED_MODULES = {"service-platform", "event-messaging"};

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\"\\$\\{([A-Za-z0-9._\\-]+)(?::[^}\"]*)?}\"");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    private ConfigKeys() {
    }

    /** Every key the service with this module name reads. */
    static Set<String> of(Path projectRoot, String service) {
        Set<String> keys = new TreeSet<>();
        keys.addAll(ofModule(projectRoot.resolve(service)));
        for (String shared : SHARED_MODULES) {
            keys.addAll(ofModule(projectRoot.resolve(shared)));
        }
        return keys;
    }

    private static Set<String> ofModule(Path module) {
        Set<String> keys = new TreeSet<>();
        Path resources = module.resolve("src/main/resources");
        keys.addAll(propertyKeys(resources.resolve("application.properties")));
        keys.addAll(propertyKeys(resources.resolve("META-INF/microprofile-config.properties")));
        for (Path source : javaSources(module.resolve("src/main/java"))) {
            keys.addAll(ofJavaSource(read(source)));
        }
        return keys;
    }

    static Set<String> ofJavaSource(String source) {
        Set<String> keys = new TreeSet<>();
        String code = JavaText.withoutComments(source);
        addGroups(CONFIG_PROPERTY.matcher(code), keys);
        addGroups(EXPRESSION.matcher(code), keys);
        keys.addAll(ConfigMappingKeys.of(code));
        return keys;
    }

    private static Set<String> propertyKeys(Path file) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return keys;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().forEach(key -> keys.add(PROFILE.matcher(key).replaceFirst("")));
        return keys;
    }

    private static void addGroups(Matcher matcher, Set<String> keys) {
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    private static Set<Path> javaSources(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
