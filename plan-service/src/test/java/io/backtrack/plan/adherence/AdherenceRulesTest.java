package io.backtrack.plan.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdherenceRulesTest {

    private static AdherenceRules rules(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(AdherenceRules.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(AdherenceRules.class);
    }

    @Test
    void adherentAtSeventyAndMissedBelowFiftyUnlessTheClinicSetsThem() {
        AdherenceRules defaults = rules(Map.of());
        assertThat(defaults.adherentPercent()).isEqualTo(70);
        assertThat(defaults.missedBelowPercent()).isEqualTo(50);

        AdherenceRules eighty = rules(Map.of("backtrack.adherence.adherent-percent", "80"));
        assertThat(eighty.adherentPercent()).isEqualTo(80);
    }
}
