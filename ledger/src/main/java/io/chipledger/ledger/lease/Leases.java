package io.chipledger.ledger.lease;

import io.chipledger.ledger.Fence;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Leases on named resources in the ledger's database, told by its clock. A claim succeeds on a lease nobody holds (new,
 * expired, or released) or one held under the claimant's own name (a process that took the name of one that died:
 * the new epoch fences the old one, should it only have paused), and always raises the epoch. A holder renews what it
 * holds well within the time to live; a renewal that comes back without a lease means someone claimed it, and the
 * holder must stop at once (its postings would be refused as FENCED anyway).
 */
public final class Leases {

    private final SqlSessionFactory sessions;

    public Leases(SqlSessionFactory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** Claims the lease for {@code holder} for {@code ttl}; its fence, or empty when someone else holds it. */
    public Optional<Fence> claim(String name, String holder, Duration ttl) {
        Long epoch = inSession(m -> m.claim(name, holder, ttl.toMillis()));
        return Optional.ofNullable(epoch).map(e -> new Fence(name, e));
    }

    /** Extends every lease {@code holder} still holds at these fences' epochs; returns those extended. */
    public Set<Fence> renew(String holder, Collection<Fence> held, Duration ttl) {
        if (held.isEmpty()) {
            return Set.of();
        }
        String[] names = held.stream().map(Fence::name).toArray(String[]::new);
        Long[] epochs = held.stream().map(Fence::epoch).toArray(Long[]::new);
        return new HashSet<>(inSession(m -> m.renew(holder, names, epochs, ttl.toMillis())));
    }

    /** Gives the lease up now, so another may claim it at once; false if {@code holder} no longer held it there. */
    public boolean release(String holder, Fence fence) {
        return inSession(m -> m.release(holder, fence.name(), fence.epoch())) == 1;
    }

    public List<Lease> all() {
        return inSession(LeaseMapper::all);
    }

    public Optional<Lease> find(String name) {
        return Optional.ofNullable(inSession(m -> m.find(name)));
    }

    private <T> T inSession(Function<LeaseMapper, T> statement) {
        try (SqlSession session = sessions.openSession(true)) {
            return statement.apply(session.getMapper(LeaseMapper.class));
        }
    }
}
