package io.chipledger.server.account;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Players and sessions in PostgreSQL; SQL in PlayerMapper.xml beside this file's resources. */
public interface PlayerMapper {

    /** Inserts a player; returns the new id, or null when the name (any case) is taken. */
    Long insertPlayer(@Param("name") String name, @Param("passwordHash") String passwordHash, @Param("role") String role);

    PlayerRow findByName(@Param("name") String name);

    PlayerRow findById(@Param("id") long id);

    void insertSession(@Param("tokenHash") String tokenHash, @Param("playerId") long playerId, @Param("expiresAt") Instant expiresAt);

    /** The player of an unexpired session, or null. */
    PlayerRow findBySession(@Param("tokenHash") String tokenHash, @Param("now") Instant now);

    /** When the session ends, or null when there is no such session. */
    Instant sessionExpiry(@Param("tokenHash") String tokenHash);

    int deleteSession(@Param("tokenHash") String tokenHash);

    int deleteExpiredSessions(@Param("now") Instant now);

    int setFrozen(@Param("id") long id, @Param("frozen") boolean frozen);

    int setRole(@Param("id") long id, @Param("role") String role);

    /** Every frozen player's id: loaded once at start, then kept current by {@link PlayerDirectory#setFrozen}. */
    List<Long> frozenPlayerIds();

    /** A player row including the password hash, which never leaves this package. */
    record PlayerRow(long id, String name, String passwordHash, String role, boolean frozen) {
        Player toPlayer() {
            return new Player(id, name, Player.Role.valueOf(role), frozen);
        }
    }
}
