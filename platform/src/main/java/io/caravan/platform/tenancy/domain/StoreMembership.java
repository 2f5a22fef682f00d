package io.caravan.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A person's role in a store. Store-owned: filtered by the tenant discriminator. */
@Entity
@Table(name = "store_memberships")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StoreMembership {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StoreRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StoreMembership() {}

    public StoreMembership(String userId, String email, StoreRole role, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.email = email;
        this.role = role;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public StoreRole role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
