package io.backtrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's figures as Markdown: printed, and written to a file. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    Report title(String title) {
        lines.add("# " + title);
        lines.add("");
        return this;
    }

    Report section(String heading, String... paragraphs) {
        lines.add("## " + heading);
        lines.add("");
        for (String paragraph : paragraphs) {
            lines.add(paragraph);
            lines.add("");
        }
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + "---|".repeat(header.size()));
        rows.forEach(row -> lines.add("| " + String.join(" | ", row) + " |"));
        lines.add("");
        return this;
    }

    static List<String> row(Load.Result result) {
        return List.of(result.what(), result.load(), number(result.perSecond()), number(result.latencies().p50()),
                number(result.latencies().p99()), String.valueOf(result.errors()));
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    String markdown() {
        return String.join("\n", lines) + "\n";
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
