package io.caravan.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A credential for a store's storefront or server-to-server calls. Only the SHA-256 of the key is
 * kept (the key is 256 random bits, so a fast hash is enough: there is nothing to brute-force).
 */
@Entity
@Table(name = "store_api_keys")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StoreApiKey {
    /** Recording every use would turn each read into a write; once a minute is precise enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false, updatable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(nullable = false, updatable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StoreApiKey() {}

    public StoreApiKey(String name, ApiKeySecret secret, Set<ApiKeyScope> scopes, String createdBy, Instant now) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidStoreException("name must be 1 to 100 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidStoreException("scopes must name at least one scope");
        }
        this.id = UUID.randomUUID().toString();
        this.name = name.strip();
        this.keyPrefix = secret.prefix();
        this.keyHash = secret.hash();
        this.scopes = scopes.stream().map(ApiKeyScope::value).sorted().collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Records a use; returns true when the row changed (at most once per minute). */
    public boolean recordUse(Instant now) {
        if (lastUsedAt == null || Duration.between(lastUsedAt, now).compareTo(LAST_USED_RESOLUTION) >= 0) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean allows(ApiKeyScope scope) {
        return scopes().contains(scope);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Set<ApiKeyScope> scopes() {
        EnumSet<ApiKeyScope> result = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream(scopes.split(" ")).map(ApiKeyScope::parse).forEach(result::add);
        return result;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
