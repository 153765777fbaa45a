package io.backtrack.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ICD-10-CM codes BackTrack knows, with their descriptions: those an intake may record, and so
 * the only ones a rule or an exercise's condition list can ever meet.
 */
public final class LowBackCodes {

    private static final String RESOURCE = "/icd10cm/low-back-codes.csv";
    private static final Map<String, String> DESCRIPTIONS = Collections.unmodifiableMap(load());

    private LowBackCodes() {
    }

    public static Optional<String> description(String code) {
        return Optional.ofNullable(DESCRIPTIONS.get(code));
    }

    /** The codes of {@code codes} that are not known, in their order. */
    public static List<String> unknown(List<String> codes) {
        return codes.stream().filter(Objects::nonNull).filter(code -> !DESCRIPTIONS.containsKey(code)).toList();
    }

    /** Whether some known code falls under {@code prefix} ({@link IcdCodes#under}). */
    public static boolean anyUnder(String prefix) {
        return DESCRIPTIONS.keySet().stream().anyMatch(code -> IcdCodes.under(code, prefix));
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new LinkedHashMap<>();
        try (var in = Objects.requireNonNull(LowBackCodes.class.getResourceAsStream(RESOURCE), RESOURCE);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                int comma = line.indexOf(',');
                String description = line.substring(comma + 1).trim();
                if (description.startsWith("\"") && description.endsWith("\"")) {
                    description = description.substring(1, description.length() - 1);
                }
                codes.put(line.substring(0, comma).trim(), description);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
