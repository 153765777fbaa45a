-- Sessions as plan-service reported them, so that adherence at a review is counted when the review
-- is evaluated and sessions logged late still count (escalation-rules §3).
CREATE TABLE logged_session (
    session_id    UUID    PRIMARY KEY,
    plan_id       UUID    NOT NULL,
    performed_on  DATE    NOT NULL,
    counts        BOOLEAN NOT NULL
);

CREATE INDEX logged_session_plan_idx ON logged_session (plan_id, performed_on);
