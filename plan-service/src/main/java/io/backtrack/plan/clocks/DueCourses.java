package io.backtrack.plan.clocks;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.plan.adherence.AdherenceWindows;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanCourse;
import io.backtrack.plan.plans.PlanHold;
import io.backtrack.plan.plans.PlanRows;
import io.backtrack.scoring.AdherenceWindow;
import io.backtrack.scoring.AdherenceWindow.LoggedSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the clock job fires on, for the courses of a batch of claimed clocks, read in the job's
 * transaction with three queries sent at once whatever the batch's size: every version of each course
 * (read-only copies, {@link PlanRows}), their sessions and their holds.
 */
@ApplicationScoped
public class DueCourses {

    /** A course of a claimed clock: its versions and its adherence. */
    public record DueCourse(PlanCourse course, AdherenceWindow window) {

        /** The version the clock fires on; none when the course stopped being ACTIVE since the claim. */
        Plan active() {
            return course.versions().stream().filter(v -> v.status == PlanStatus.ACTIVE).findFirst().orElse(null);
        }
    }

    private static final String VERSIONS = """
            SELECT id, course_id, patient_id, clinic_id, version, status, start_date, sessions_per_week, created_at
              FROM plan WHERE course_id = ANY($1) ORDER BY course_id, version""";
    private static final String SESSIONS = """
            SELECT p.course_id, s.performed_at, s.counts
              FROM session s JOIN plan p ON p.id = s.plan_id WHERE p.course_id = ANY($1)""";
    private static final String HOLDS = """
            SELECT p.course_id, h.started_on, h.ended_on
              FROM plan_hold h JOIN plan p ON p.id = h.plan_id WHERE p.course_id = ANY($1)""";

    private final AdherenceWindows windows;

    public DueCourses(AdherenceWindows windows) {
        this.windows = windows;
    }

    public Uni<Map<UUID, DueCourse>> read(SqlConnection connection, List<UUID> courseIds) {
        Tuple courses = Tuple.tuple().addArrayOfUUID(courseIds.toArray(UUID[]::new));
        return Uni.combine().all()
                .unis(connection.preparedQuery(VERSIONS).execute(courses),
                        connection.preparedQuery(SESSIONS).execute(courses),
                        connection.preparedQuery(HOLDS).execute(courses))
                .with(this::dueCourses);
    }

    private Map<UUID, DueCourse> dueCourses(RowSet<Row> versionRows, RowSet<Row> sessionRows, RowSet<Row> holdRows) {
        Map<UUID, List<Plan>> versions = new HashMap<>();
        for (Row row : versionRows) {
            versions.computeIfAbsent(row.getUUID("course_id"), id -> new ArrayList<>()).add(PlanRows.copyOf(row));
        }
        Map<UUID, List<LoggedSession>> sessions = new HashMap<>();
        for (Row row : sessionRows) {
            sessions.computeIfAbsent(row.getUUID("course_id"), id -> new ArrayList<>()).add(new LoggedSession(
                    row.getOffsetDateTime("performed_at").atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                    row.getBoolean("counts")));
        }
        Map<UUID, List<PlanHold>> holds = new HashMap<>();
        for (Row row : holdRows) {
            holds.computeIfAbsent(row.getUUID("course_id"), id -> new ArrayList<>())
                    .add(hold(row.getLocalDate("started_on"), row.getLocalDate("ended_on")));
        }
        Map<UUID, DueCourse> due = new HashMap<>();
        versions.forEach((courseId, ofCourse) -> {
            PlanCourse course = new PlanCourse(ofCourse);
            due.put(courseId, new DueCourse(course, windows.window(course, holds.getOrDefault(courseId, List.of()),
                    sessions.getOrDefault(courseId, List.of()))));
        });
        return due;
    }

    private static PlanHold hold(LocalDate startedOn, LocalDate endedOn) {
        PlanHold hold = new PlanHold();
        hold.startedOn = startedOn;
        hold.endedOn = endedOn;
        return hold;
    }
}
