package io.caravan.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One mutation of a store, by whom and when. Append-only; store-owned. */
@Entity
@Table(name = "audit_entries")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class AuditEntry {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "actor_kind", nullable = false, updatable = false)
    private String actorKind;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(updatable = false)
    private String detail;

    protected AuditEntry() {}

    public AuditEntry(Actor actor, String action, String target, String detail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.actor = actor.name();
        this.actorKind = actor.kind().name();
        this.action = action;
        this.target = target;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.occurredAt = now;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorKind() {
        return actorKind;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }
}
