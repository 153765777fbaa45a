-- Adherence at a review is plan-service's figure alone: its review-due event, and a
-- review-adherence-updated for each session logged late. outcome-service no longer counts sessions.
DROP TABLE logged_session;
