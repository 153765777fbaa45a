package io.backtrack.plan.catalog;

import io.backtrack.platform.persistence.IcdCodesColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExerciseCategory category;

    @Column(nullable = false)
    public String instructions;

    @Column(name = "default_sets")
    public Integer defaultSets;

    @Column(name = "default_reps")
    public Integer defaultReps;

    @Column(name = "default_hold_seconds")
    public Integer defaultHoldSeconds;

    /** Loads the spine in flexion (end-range or under load). */
    @Column(name = "loads_flexion", nullable = false)
    public boolean loadsFlexion;

    @Column(name = "loads_extension", nullable = false)
    public boolean loadsExtension;

    @Column(name = "loads_rotation", nullable = false)
    public boolean loadsRotation;

    /** ICD-10-CM prefixes of the conditions this exercise must not be prescribed for. */
    @Convert(converter = IcdCodesColumn.class)
    @Column(name = "contraindicated_for", nullable = false)
    public List<String> contraindicatedFor;

    /** ICD-10-CM prefixes of the conditions this exercise needs caution with. */
    @Convert(converter = IcdCodesColumn.class)
    @Column(name = "cautioned_for", nullable = false)
    public List<String> cautionedFor;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
