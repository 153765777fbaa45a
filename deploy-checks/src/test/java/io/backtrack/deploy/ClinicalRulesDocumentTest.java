package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/clinical-rules.md and the code agree: the same rule ids, every setting of the clinical
 * configurations with its default, and tests that exist where the document names them.
 */
class ClinicalRulesDocumentTest {

    /** The typed configurations that hold the clinical thresholds. */
    private static final List<String> CLINICAL_SETTINGS = List.of(
            "patient-service/src/main/java/io/backtrack/patient/screening/ScreeningRules.java",
            "plan-service/src/main/java/io/backtrack/plan/validation/PlanRulesConfig.java",
            "plan-service/src/main/java/io/backtrack/plan/adherence/AdherenceRules.java",
            "outcome-service/src/main/java/io/backtrack/outcome/review/ReviewThresholds.java",
            "outcome-service/src/main/java/io/backtrack/outcome/escalation/EscalationThresholds.java");
    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([a-z.-]+)\"\\)");
    private static final Pattern SETTING = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+\\w+ (\\w+)\\(\\);");
    private static final Pattern NAMED_TEST = Pattern.compile("`([A-Z]\\w+Test)\\.(\\w+)`");

    private static final Pattern RULE_ID = Pattern.compile("\\b(?:ESC|PLAN|ODI)-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b");
    private static final Pattern QUOTED_RULE_ID = Pattern.compile("\"(" + RULE_ID.pattern() + ")\"");

    @Test
    void everyRuleIdOfTheCodeIsDocumentedAndEveryDocumentedOneIsInTheCode() throws IOException {
        Set<String> documented = ids(RULE_ID, Files.readString(ProjectFiles.resolve("docs/clinical-rules.md")), 0);
        Set<String> inCode = new TreeSet<>();
        for (String module : new String[] {"patient-service", "plan-service", "outcome-service", "clinical-scoring"}) {
            try (Stream<Path> sources = Files.walk(ProjectFiles.resolve(module + "/src/main/java"))) {
                sources.filter(path -> path.toString().endsWith(".java"))
                        .forEach(path -> inCode.addAll(ids(QUOTED_RULE_ID, read(path), 1)));
            }
        }
        assertThat(inCode).as("rule ids in the code").hasSizeGreaterThan(15);
        assertThat(documented).as("rule ids in docs/clinical-rules.md").containsExactlyInAnyOrderElementsOf(inCode);
    }

    @Test
    void everyClinicalSettingIsDocumentedWithItsDefault() {
        String document = read(ProjectFiles.resolve("docs/clinical-rules.md"));
        List<String> settings = new ArrayList<>();
        for (String source : CLINICAL_SETTINGS) {
            String code = read(ProjectFiles.resolve(source));
            Matcher prefix = PREFIX.matcher(code);
            assertThat(prefix.find()).as(source).isTrue();
            Matcher setting = SETTING.matcher(code);
            while (setting.find()) {
                settings.add("| `" + prefix.group(1) + "." + kebab(setting.group(2)) + "` | " + setting.group(1) + " |");
            }
        }
        assertThat(settings).as("settings in the code").hasSizeGreaterThan(20);
        assertThat(settings).allSatisfy(row -> assertThat(document).as("docs/clinical-rules.md").contains(row));
    }

    @Test
    void everyTestTheDocumentNamesExists() throws IOException {
        String document = read(ProjectFiles.resolve("docs/clinical-rules.md"));
        Map<String, String> tests = new HashMap<>();
        try (Stream<Path> sources = Files.walk(ProjectFiles.resolve("."))) {
            sources.filter(path -> path.toString().endsWith("Test.java") && path.toString().contains("/src/test/java/"))
                    .forEach(path -> tests.merge(path.getFileName().toString().replace(".java", ""), read(path),
                            String::concat));
        }
        Matcher named = NAMED_TEST.matcher(document);
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (named.find()) {
            found++;
            if (!tests.getOrDefault(named.group(1), "").contains("void " + named.group(2) + "(")) {
                missing.add(named.group(1) + "." + named.group(2));
            }
        }
        assertThat(found).as("tests named in docs/clinical-rules.md").isGreaterThan(10);
        assertThat(missing).as("named in docs/clinical-rules.md but not found").isEmpty();
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Set<String> ids(Pattern pattern, String text, int group) {
        Set<String> ids = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group(group));
        }
        return ids;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
