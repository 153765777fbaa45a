package io.backtrack.outcome.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The baseline one intake recorded. A plan course is compared against the intake it started from: the
 * latest dated on or before its start day (the earliest when the course was backdated before every
 * intake), so a re-assessment intake during the course is never read as its baseline.
 */
@Entity
@Table(name = "intake_baseline")
public class IntakeBaseline extends PanacheEntityBase {

    private static final String IN_ORDER = " order by intakeDate, completedAt";

    @Id
    @Column(name = "intake_id")
    public UUID intakeId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "intake_date", nullable = false)
    public LocalDate intakeDate;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    @Column(name = "pain_nrs")
    public Integer painNrs;

    @Column(name = "odi_percent")
    public BigDecimal odiPercent;

    @Column(name = "odi_raw_sum")
    public Integer odiRawSum;

    @Column(name = "odi_sections")
    public Integer odiSections;

    @Column(name = "psfs_mean")
    public BigDecimal psfsMean;

    /** The baseline of the course that started on {@code courseStart}; null before any intake arrived. */
    public static Uni<Baseline> ofCourse(UUID patientId, LocalDate courseStart) {
        return ofPatient(patientId).map(intakes -> ofCourse(intakes, courseStart));
    }

    /** The patient's intakes in date order. */
    public static Uni<List<IntakeBaseline>> ofPatient(UUID patientId) {
        return list("patientId = ?1" + IN_ORDER, patientId);
    }

    /** Each patient's intakes in date order. */
    public static Uni<Map<UUID, List<IntakeBaseline>>> ofPatients(Collection<UUID> patientIds) {
        return IntakeBaseline.<IntakeBaseline>list("patientId in ?1" + IN_ORDER, patientIds)
                .map(intakes -> intakes.stream().collect(Collectors.groupingBy(i -> i.patientId)));
    }

    /** Of one patient's intakes in date order, the baseline of the course that started on {@code courseStart}. */
    public static Baseline ofCourse(List<IntakeBaseline> inOrder, LocalDate courseStart) {
        if (inOrder == null || inOrder.isEmpty()) {
            return null;
        }
        IntakeBaseline chosen = inOrder.get(0);
        for (IntakeBaseline intake : inOrder) {
            if (!intake.intakeDate.isAfter(courseStart)) {
                chosen = intake;
            }
        }
        return chosen.baseline();
    }

    public Baseline baseline() {
        return new Baseline(intakeId, intakeDate, painNrs, odiPercent, odiRawSum, odiSections, psfsMean);
    }
}
