package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false)
    public String action;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "patient_id")
    public UUID patientId;

    public String detail;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    /** 1: the single unkeyed chain of the first release; 2: keyed chains per {@link #chainKey}. */
    @Column(nullable = false)
    public short scheme;

    @Column(name = "chain_key")
    public String chainKey;

    @Column(name = "chain_seq")
    public Long chainSeq;
}
