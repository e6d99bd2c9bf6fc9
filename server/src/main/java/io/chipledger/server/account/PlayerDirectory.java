package io.chipledger.server.account;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Registration, login and session lookup. Password hashing and database work run on {@code worker}, never on the
 * caller's thread, so Netty handlers can call this directly. Sessions are cached (Caffeine) for a short time so a
 * busy connection does not hit the database per message; logout and freezing invalidate the cache at once.
 *
 * <p>Who is frozen is also kept in memory ({@link #current}), because a {@link Player} handed out earlier (a cached
 * session, a WebSocket's player) keeps the flag it was read with: {@link #setFrozen} commits to the database first,
 * then updates that set, so a freeze holds for every message that arrives after the operator was told it is done.
 */
public final class PlayerDirectory {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 128;
    /** Hashed whatever the name, so a login for an unknown name costs as much as one for a known name. */
    private final String decoyHash;

    private final SqlSessionFactory database;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final Executor worker;
    private final Executor hashing;
    private final AsyncLoadingCache<String, Optional<LiveSession>> sessions;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Who is frozen, with what the player is told about it (the operator's reason when this process heard it). */
    private final Map<Long, String> frozen = new ConcurrentHashMap<>();
    private final Object freezing = new Object();

    public PlayerDirectory(SqlSessionFactory database, PasswordHasher hasher, SessionTokens tokens, Clock clock,
                           Duration sessionLifetime, Executor worker) {
        this(database, hasher, tokens, clock, sessionLifetime, worker, worker);
    }

    /**
     * @param hashing where passwords are hashed (registration, login): a bounded pool of its own, so a flood of logins
     *                waits there, or is refused ({@link Busy}), and never takes the threads of tables or the ledger
     */
    public PlayerDirectory(SqlSessionFactory database, PasswordHasher hasher, SessionTokens tokens, Clock clock,
                           Duration sessionLifetime, Executor worker, Executor hashing) {
        this.hashing = hashing;
        this.database = database;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
        this.worker = worker;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
        this.sessions = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofSeconds(30))
                .executor(worker)
                .buildAsync(this::loadSession);
        try (SqlSession session = database.openSession(true)) {
            // The reason of a freeze made before this start is in the admin log, not here: the player is told the fact.
            session.getMapper(PlayerMapper.class).frozenPlayerIds().forEach(id -> frozen.put(id, toldOfFreeze(null)));
        }
    }

    /** Creates a player; completes with the refusal reason when the name or password is unacceptable or taken. */
    public CompletableFuture<Registration> register(String name, String password, Player.Role role) {
        return hashed(() -> {
            String problem = problemWith(name, password);
            if (problem != null) {
                return Registration.refused(problem);
            }
            String hash = hasher.hash(password.toCharArray());
            try (SqlSession session = database.openSession(true)) {
                Long id = session.getMapper(PlayerMapper.class).insertPlayer(name, hash, role.name());
                if (id == null) {
                    return Registration.refused("the name " + name + " is taken");
                }
                return Registration.created(new Player(id, name, role, false));
            }
        });
    }

    /** Checks the password and opens a session; empty when the name or password is wrong (which, is not said). */
    public CompletableFuture<Optional<Login>> login(String name, String password) {
        return hashed(() -> {
            PlayerMapper.PlayerRow row;
            try (SqlSession session = database.openSession(true)) {
                row = name == null ? null : session.getMapper(PlayerMapper.class).findByName(name);
            }
            char[] attempt = password == null ? new char[0] : password.toCharArray();
            boolean matches = hasher.matches(attempt, row == null ? decoyHash : row.passwordHash());
            if (row == null || !matches) {
                return Optional.empty();
            }
            return Optional.of(openSession(row.toPlayer()));
        });
    }

    /**
     * Opens a session for a player the server itself plays as (its demo bots), whose password nobody knows: the
     * caller must have created that player itself.
     */
    public CompletableFuture<Login> sessionFor(Player player) {
        return CompletableFuture.supplyAsync(() -> openSession(player), worker);
    }

    private Login openSession(Player player) {
        String token = tokens.newToken();
        Instant expires = clock.instant().plus(sessionLifetime);
        try (SqlSession session = database.openSession(true)) {
            session.getMapper(PlayerMapper.class).insertSession(SessionTokens.hashOf(token), player.id(), expires);
        }
        return new Login(player, token, expires);
    }

    /** The player of a live session token, or empty (unknown, expired or logged out). */
    public CompletableFuture<Optional<Player>> authenticate(String token) {
        return session(token).thenApply(live -> live.map(LiveSession::player));
    }

    /**
     * The live session of a token, or empty (unknown, expired or logged out). The cache keeps each session with its
     * expiry and checks it on every lookup, so a session is never served a moment past its end, however recently
     * it was cached; the player comes with the frozen flag as it is now.
     */
    public CompletableFuture<Optional<LiveSession>> session(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String hash = SessionTokens.hashOf(token);
        return sessions.get(hash).thenApply(found -> {
            if (found.isPresent() && !found.get().expiresAt().isAfter(clock.instant())) {
                sessions.synchronous().invalidate(hash);
                return Optional.empty();
            }
            return found.map(live -> new LiveSession(current(live.player()), live.tokenHash(), live.expiresAt()));
        });
    }

    /** Tells {@code listener} of every logout and freeze from now on (expiry it can tell from {@link LiveSession}). */
    public void subscribe(SessionListener listener) {
        listeners.add(listener);
    }

    /** Ends the session: gone from the database and the cache before the answer, then its sockets are told. */
    public CompletableFuture<Void> logout(String token) {
        String hash = SessionTokens.hashOf(token);
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                session.getMapper(PlayerMapper.class).deleteSession(hash);
            }
            sessions.synchronous().invalidate(hash);
            listeners.forEach(listener -> listener.sessionEnded(hash, "logged out"));
        }, worker);
    }

    public CompletableFuture<Optional<Player>> find(String name) {
        return CompletableFuture.supplyAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                return Optional.ofNullable(session.getMapper(PlayerMapper.class).findByName(name)).map(PlayerMapper.PlayerRow::toPlayer);
            }
        }, worker);
    }

    public CompletableFuture<Optional<Player>> findById(long id) {
        return CompletableFuture.supplyAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                return Optional.ofNullable(session.getMapper(PlayerMapper.class).findById(id)).map(PlayerMapper.PlayerRow::toPlayer);
            }
        }, worker);
    }

    /** {@link #setFrozen(long, boolean, String)} with no reason to tell the player. */
    public CompletableFuture<Optional<Player>> setFrozen(long playerId, boolean frozenNow) {
        return setFrozen(playerId, frozenNow, null);
    }

    /**
     * Freezes or unfreezes a player: stored, then in force for every later message (see {@link #current}) and every
     * session lookup; a frozen player's sockets are closed with {@code reason} (may be null). Completes with the player
     * as now stored, or empty when there is no such player.
     */
    public CompletableFuture<Optional<Player>> setFrozen(long playerId, boolean frozenNow, String reason) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (freezing) {
                PlayerMapper.PlayerRow row;
                try (SqlSession session = database.openSession(true)) {
                    PlayerMapper mapper = session.getMapper(PlayerMapper.class);
                    if (mapper.setFrozen(playerId, frozenNow) == 0) {
                        return Optional.<Player>empty();
                    }
                    row = mapper.findById(playerId);
                }
                if (frozenNow) {
                    frozen.put(playerId, toldOfFreeze(reason));
                } else {
                    frozen.remove(playerId);
                }
                forgetCachedSessions();
                if (frozenNow) {
                    listeners.forEach(listener -> listener.playerFrozen(playerId, reason));
                }
                return Optional.of(row.toPlayer());
            }
        }, worker);
    }

    /**
     * Brings the frozen set in line with the database, where another game node's operator may have frozen or unfrozen
     * a player: those newly frozen are told to the listeners (their sockets here are closed) with the fact, as the
     * operator's reason is known only to the node that froze them. Run every few seconds on each node.
     */
    public void refreshFrozen() {
        List<Long> stored;
        try (SqlSession session = database.openSession(true)) {
            stored = session.getMapper(PlayerMapper.class).frozenPlayerIds();
        }
        synchronized (freezing) {
            boolean unfrozen = frozen.keySet().retainAll(new HashSet<>(stored));
            List<Long> newlyFrozen = stored.stream().filter(id -> frozen.putIfAbsent(id, toldOfFreeze(null)) == null).toList();
            if (unfrozen || !newlyFrozen.isEmpty()) {
                forgetCachedSessions();
            }
            newlyFrozen.forEach(id -> listeners.forEach(listener -> listener.playerFrozen(id, null)));
        }
    }

    public boolean isFrozen(long playerId) {
        return frozen.containsKey(playerId);
    }

    /** What a frozen player is told (the operator's reason when known); empty when the player is not frozen. */
    public Optional<String> frozenNotice(long playerId) {
        return Optional.ofNullable(frozen.get(playerId));
    }

    /** What a player is told of a freeze: the fact, and the operator's reason when there is one. */
    public static String toldOfFreeze(String reason) {
        return reason == null || reason.isBlank() ? "account frozen by an operator" : "account frozen by an operator: " + reason.strip();
    }

    /** The player with the frozen flag as it is now, whenever {@code player} itself was read; null stays null. */
    public Player current(Player player) {
        if (player == null || player.frozen() == isFrozen(player.id())) {
            return player;
        }
        return new Player(player.id(), player.name(), player.role(), isFrozen(player.id()));
    }

    /** Drops cached sessions so a change to a player (frozen, role) is seen on the next message. */
    public void forgetCachedSessions() {
        sessions.synchronous().invalidateAll();
    }

    private Optional<LiveSession> loadSession(String tokenHash) {
        try (SqlSession session = database.openSession(true)) {
            PlayerMapper mapper = session.getMapper(PlayerMapper.class);
            PlayerMapper.PlayerRow row = mapper.findBySession(tokenHash, clock.instant());
            Instant expires = row == null ? null : mapper.sessionExpiry(tokenHash);
            return row == null || expires == null ? Optional.empty()
                    : Optional.of(new LiveSession(row.toPlayer(), tokenHash, expires));
        }
    }

    static String problemWith(String name, String password) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{3,20}")) {
            return "a name is 3 to 20 letters, digits, '_' or '-'";
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return "a password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters";
        }
        return null;
    }

    /** A new player, or why there is none. */
    public record Registration(Player player, String refusal) {
        static Registration created(Player player) {
            return new Registration(player, null);
        }

        static Registration refused(String why) {
            return new Registration(null, why);
        }

        public boolean ok() {
            return player != null;
        }
    }

    /** Runs work that hashes a password on the hashing pool; a full pool fails the future with {@link Busy}. */
    private <T> CompletableFuture<T> hashed(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, hashing);
        } catch (java.util.concurrent.RejectedExecutionException full) {
            return CompletableFuture.failedFuture(new Busy());
        }
    }

    /** Too many logins and registrations are waiting to hash a password: answer "try again shortly". */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many logins at once; try again shortly", null, false, false);
        }
    }

    /** A session found by its token: whose it is, the token's hash (its name in logs and maps) and when it ends. */
    public record LiveSession(Player player, String tokenHash, Instant expiresAt) {
    }

    /** Hears of sessions ending before their time: a logout, or an operator freezing the player. */
    public interface SessionListener {
        void sessionEnded(String tokenHash, String reason);

        /** {@code reason}: the operator's, to tell the player, or null. */
        void playerFrozen(long playerId, String reason);
    }

    /** An open session: the token is given to the client once and stored only as its hash. */
    public record Login(Player player, String token, Instant expiresAt) {
    }
}
