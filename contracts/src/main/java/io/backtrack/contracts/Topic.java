package io.backtrack.contracts;

/** The three BackTrack topics. Record key = patient id on all of them. */
public enum Topic {
    PATIENT("backtrack.patient.v1"),
    PLAN("backtrack.plan.v1"),
    OUTCOME("backtrack.outcome.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }
}
