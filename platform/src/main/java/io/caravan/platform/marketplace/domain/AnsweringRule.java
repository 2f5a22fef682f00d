package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One stored rule of a store for an extension point (see {@link AnswerRule} for what it means).
 * Sets and the installation list are stored as comma-separated tokens: every token is validated
 * (country and currency codes, method codes, installation UUIDs) and none contains a comma.
 */
@Entity
@Table(name = "answering_rules")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class AnsweringRule {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false, updatable = false)
    private String point;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String countries;

    @Column(nullable = false)
    private String currencies;

    @Column(name = "method_codes", nullable = false)
    private String methodCodes;

    @Column(name = "min_amount_minor")
    private Long minAmountMinor;

    @Column(name = "max_amount_minor")
    private Long maxAmountMinor;

    @Column(name = "installation_ids", nullable = false)
    private String installationIds;

    @Column(name = "vacated")
    private String vacated;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AnsweringRule() {}

    public AnsweringRule(String point, int position, AnswerRule rule, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.point = point;
        this.position = position;
        this.updatedAt = now;
        set(rule);
    }

    /** Replaces what the rule says, keeping its place. */
    public void change(AnswerRule rule, Instant now) {
        set(rule);
        this.updatedAt = now;
    }

    private void set(AnswerRule rule) {
        this.countries = join(rule.countries().stream().sorted().toList());
        this.currencies = join(rule.currencies().stream().sorted().toList());
        this.methodCodes = join(rule.methodCodes().stream().sorted().toList());
        this.minAmountMinor = rule.minAmountMinor();
        this.maxAmountMinor = rule.maxAmountMinor();
        this.installationIds = join(rule.installationIds());
        this.vacated = rule.vacated() == null || rule.vacated().length() <= 500
                ? rule.vacated()
                : rule.vacated().substring(0, 500);
    }

    public AnswerRule rule() {
        return new AnswerRule(
                new LinkedHashSet<>(split(countries)),
                new LinkedHashSet<>(split(currencies)),
                new LinkedHashSet<>(split(methodCodes)),
                minAmountMinor,
                maxAmountMinor,
                split(installationIds),
                vacated);
    }

    private static String join(java.util.Collection<String> tokens) {
        for (String token : tokens) {
            if (token.indexOf(',') >= 0) {
                throw new IllegalArgumentException("a rule token must not contain a comma: " + token);
            }
        }
        return String.join(",", tokens);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String point() {
        return point;
    }

    public int position() {
        return position;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
