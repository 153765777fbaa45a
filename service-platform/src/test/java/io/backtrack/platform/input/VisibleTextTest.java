package io.backtrack.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u200b", "\u00a0", "\u2007\u202f", "\ufeff", "\u202e\u2060", "\u200c\u200d"})
    void spacesFormatAndControlCharactersAloneAreNothingToRead(String text) {
        assertThat(VisibleText.isPresent(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "\u200bok", " é ", "\ud83d\ude00", "–", "0"})
    void oneCharacterToReadIsEnough(String text) {
        assertThat(VisibleText.isPresent(text)).isTrue();
    }
}
