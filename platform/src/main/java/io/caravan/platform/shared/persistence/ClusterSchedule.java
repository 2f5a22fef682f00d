package io.caravan.platform.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Periodic jobs that must run once across the cluster, not once per node (docs/architecture.md,
 * "Several nodes"): every node keeps ticking at the job's period, and a tick runs the job only if
 * it wins the job's lease row — an atomic {@code update … where next_run_at <= now} that moves the
 * next run one period on (less 5 %, so that ticks a little early still find it due). Of nodes that
 * tick at once, one row update wins and the others find nothing to update. A node that dies while
 * running the job has already moved the lease: the next period's run retries, which is fine for
 * jobs that are idempotent per period (all of ours are). Plain JPQL: the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class ClusterSchedule {
    private static final Logger LOG = Logger.getLogger(ClusterSchedule.class.getName());

    @PersistenceContext(unitName = "caravan")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    ClusterSchedule self;

    private final String node = nodeName();

    /** Whether this node is the one to run {@code job} now (its period {@code period}). */
    public boolean claim(String job, Duration period) {
        try {
            return self.tryClaim(job, period);
        } catch (RuntimeException e) {
            // Another node inserted the first lease at the same moment, or the database is away.
            LOG.log(Level.FINE, "Not running " + job + " on this node now", e);
            return false;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryClaim(String job, Duration period) {
        Instant now = clock.instant();
        Instant next = now.plus(period.minus(period.dividedBy(20)));
        int won = entityManager
                .createQuery("update ScheduledJob j set j.nextRunAt = :next, j.lastRunAt = :now, j.lastNode = :node,"
                        + " j.runs = j.runs + 1 where j.name = :name and j.nextRunAt <= :now")
                .setParameter("next", next)
                .setParameter("now", now)
                .setParameter("node", node)
                .setParameter("name", job)
                .executeUpdate();
        if (won == 1) {
            return true;
        }
        if (entityManager.find(ScheduledJob.class, job) != null) {
            return false;
        }
        entityManager.persist(new ScheduledJob(job, next, now, node));
        entityManager.flush();
        return true;
    }

    /** This node's name in the lease rows: the host name and a random suffix per start. */
    public String node() {
        return node;
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        if (host.length() > 100) {
            host = host.substring(0, 100);
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
