package io.backtrack.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noHeaderOrAnEmptyOneIsNoCondition(String header) {
        assertThat(IfMatch.parse(null)).isNull();
        assertThat(IfMatch.parse(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "*", " * ", "\"2\", \"3\"", "\"2\",\"3\"", "W/\"3\", \"3\"", "\"3\",", ",\"3\"",
            "\"2\", , \"3\""})
    void theCurrentTagOrAnyMatches(String header) {
        assertThat(IfMatch.parse(header).matches("3")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "W/\"3\"", "\"2\", W/\"3\"", "\"\""})
    void anotherOrAWeakTagDoesNot(String header) {
        assertThat(IfMatch.parse(header).matches("3")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "\"3\" \"4\"", ",", "W/3", "**", "\"3\"x"})
    void anythingElseIsRefusedNamingTheHeader(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("If-Match"));
    }
}
