package io.backtrack.contracts.clinical;

public enum EpisodeStage {
    ACUTE,
    SUBACUTE,
    CHRONIC
}
