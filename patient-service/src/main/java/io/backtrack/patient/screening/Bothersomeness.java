package io.backtrack.patient.screening;

/** STarT Back item 9: overall bothersomeness of the back pain in the last two weeks. */
public enum Bothersomeness {
    NOT_AT_ALL,
    SLIGHTLY,
    MODERATELY,
    VERY_MUCH,
    EXTREMELY;

    int score() {
        return this == VERY_MUCH || this == EXTREMELY ? 1 : 0;
    }
}
