package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Plan versions read with the SQL client by the hot paths that bypass Hibernate (a routine session,
 * the clock job): read-only copies of the columns the query selected, never persisted.
 */
public final class PlanRows {

    private PlanRows() {
    }

    /** The identity, course, status and dates every such query selects; phases and sessions per week when selected. */
    public static Plan copyOf(Row row) {
        Plan plan = new Plan();
        plan.id = row.getUUID("id");
        plan.patientId = row.getUUID("patient_id");
        plan.clinicId = row.getString("clinic_id");
        plan.courseId = row.getUUID("course_id");
        plan.version = row.getInteger("version");
        plan.status = PlanStatus.valueOf(row.getString("status"));
        plan.startDate = row.getLocalDate("start_date");
        plan.createdAt = row.getOffsetDateTime("created_at").toInstant();
        if (row.getColumnIndex("phases") >= 0) {
            plan.phases = row.getString("phases");
        }
        if (row.getColumnIndex("sessions_per_week") >= 0) {
            plan.sessionsPerWeek = row.getInteger("sessions_per_week");
        }
        return plan;
    }
}
