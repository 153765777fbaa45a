package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/clinical-rules.md and the code name the same rule ids: a rule the code applies is documented,
 * and a documented rule exists in the code.
 */
class ClinicalRulesDocumentTest {

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
