package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The services keep their statements prepared on pooled connections, and PostgreSQL refuses to run a
 * prepared statement whose result has changed ("cached plan must not change result type"). During a
 * rolling upgrade the newer version's migration adds columns while the older version runs, so no
 * statement may take its columns from {@code *}: the SQL names them, or Hibernate does.
 * (outcome-service's ColumnAddedWhileRunningTest shows the failure on a running service.)
 */
class NamedColumnsTest {

    private static final Pattern STAR_COLUMNS = Pattern.compile(
            "(?i)(SELECT\\s+(DISTINCT\\s+(ON\\s*\\([^)]*\\)\\s*)?)?|RETURNING\\s+|,\\s*)(\\w+\\.)?\\*(?!\\s*\\))");
    /** An INSERT's source rows: they are inserted, never returned. */
    private static final Pattern INSERTED_FROM_UNNEST = Pattern.compile("(?i)SELECT\\s+\\*\\s+FROM\\s+unnest\\(");

    @Test
    void everyStatementOfTheServicesNamesItsColumns() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(ProjectFiles.ROOT)) {
            sources.filter(NamedColumnsTest::isMainJava).forEach(source -> {
                String code = JavaText.withoutComments(read(source));
                Matcher star = STAR_COLUMNS.matcher(code);
                while (star.find()) {
                    if (!INSERTED_FROM_UNNEST.matcher(code).region(star.start(), code.length()).lookingAt()) {
                        offenders.add(ProjectFiles.ROOT.relativize(source) + ": " + star.group().strip());
                    }
                }
            });
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckFindsColumnsTakenFromAStar() {
        for (String sql : List.of("SELECT * FROM review", "select c.* from plan_clock c", "SELECT h.*\n FROM x h",
                "SELECT DISTINCT ON (chain_key) * FROM audit_entry", "UPDATE t SET a = 1 RETURNING *",
                "SELECT id, t.* FROM t")) {
            assertThat(STAR_COLUMNS.matcher(sql).find()).as(sql).isTrue();
        }
        for (String sql : List.of("SELECT count(*) FROM review", "SELECT id, due_on FROM plan_clock",
                "SELECT 2 * week FROM review")) {
            assertThat(STAR_COLUMNS.matcher(sql).find()).as(sql).isFalse();
        }
    }

    private static boolean isMainJava(Path path) {
        String relative = ProjectFiles.ROOT.relativize(path).toString().replace('\\', '/');
        return relative.endsWith(".java") && relative.contains("/src/main/java/") && !relative.contains("/target/");
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
