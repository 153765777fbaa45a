package io.backtrack.contracts;

/**
 * The three BackTrack topics. Record key = patient id on all of them. Each has one owner, the only
 * service that publishes on it; its events carry the owner's CloudEvents {@code source}.
 */
public enum Topic {
    PATIENT("backtrack.patient.v1", "/backtrack/patient-service"),
    PLAN("backtrack.plan.v1", "/backtrack/plan-service"),
    OUTCOME("backtrack.outcome.v1", "/backtrack/outcome-service");

    private final String topicName;
    private final String ownerSource;

    Topic(String topicName, String ownerSource) {
        this.topicName = topicName;
        this.ownerSource = ownerSource;
    }

    /** The {@code ce_source} of every event on this topic. */
    public String ownerSource() {
        return ownerSource;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }
}
