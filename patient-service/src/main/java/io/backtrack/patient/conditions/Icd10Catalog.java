package io.backtrack.patient.conditions;

import jakarta.enterprise.context.ApplicationScoped;
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

/** The bundled ICD-10-CM codes a low-back-pain intake may use, with their descriptions. */
@ApplicationScoped
public class Icd10Catalog {

    private static final String RESOURCE = "/icd10cm/low-back-codes.csv";

    private final Map<String, String> descriptions;

    public Icd10Catalog() {
        this.descriptions = Collections.unmodifiableMap(load());
    }

    public Optional<String> description(String code) {
        return Optional.ofNullable(descriptions.get(code));
    }

    public List<String> unknown(List<String> codes) {
        return codes.stream().filter(Objects::nonNull).filter(code -> !descriptions.containsKey(code)).toList();
    }

    public Map<String, String> all() {
        return descriptions;
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new LinkedHashMap<>();
        try (var in = Objects.requireNonNull(Icd10Catalog.class.getResourceAsStream(RESOURCE), RESOURCE);
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
