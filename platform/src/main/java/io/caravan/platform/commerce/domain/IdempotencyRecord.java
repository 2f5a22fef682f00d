package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An Idempotency-Key the storefront sent, the hash of the request it came with, and the answer
 * given: the same key with the same body gets the same answer; with another body, a conflict.
 * Claimed (IN_PROGRESS) in its own transaction before any work, so concurrent repeats of one key
 * find the claim instead of doing the work twice.
 */
@Entity
@Table(name = "idempotency_records")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class IdempotencyRecord {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false, updatable = false)
    private String operation;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @Column(nullable = false)
    private String state;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    /** When the key was claimed (or last taken over from a request that died with it). */
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    protected IdempotencyRecord() {}

    public IdempotencyRecord(
            String id, String operation, String key, String requestHash, Instant now, Instant expiresAt) {
        this.id = id;
        this.operation = operation;
        this.key = key;
        this.requestHash = requestHash;
        this.state = IN_PROGRESS;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** When the key was claimed, or last taken over. */
    public Instant claimedAt() {
        return createdAt;
    }

    /** A repeat takes the key over from a first request that has not answered for too long. */
    public void takeOver(Instant now) {
        this.createdAt = now;
    }

    public void complete(int status, String body) {
        this.state = COMPLETED;
        this.responseStatus = status;
        this.responseBody = body;
    }

    public String id() {
        return id;
    }

    public String operation() {
        return operation;
    }

    public String key() {
        return key;
    }

    public String requestHash() {
        return requestHash;
    }

    public boolean completed() {
        return COMPLETED.equals(state);
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
