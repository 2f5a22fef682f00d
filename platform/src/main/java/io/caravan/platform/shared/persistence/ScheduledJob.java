package io.caravan.platform.shared.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The lease of one periodic job across the cluster ({@link ClusterSchedule}). */
@Entity
@Table(name = "scheduled_jobs")
public class ScheduledJob {
    @Id
    private String name;

    @Column(name = "next_run_at", nullable = false)
    private Instant nextRunAt;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_node")
    private String lastNode;

    @Column(nullable = false)
    private long runs;

    protected ScheduledJob() {}

    ScheduledJob(String name, Instant nextRunAt, Instant lastRunAt, String lastNode) {
        this.name = name;
        this.nextRunAt = nextRunAt;
        this.lastRunAt = lastRunAt;
        this.lastNode = lastNode;
        this.runs = 1;
    }
}
