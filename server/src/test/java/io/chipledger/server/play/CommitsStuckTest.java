package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, "both standbys stopped": under synchronous replication with no standby left the primary still answers
 * {@code SELECT 1}, but every COMMIT waits for a standby that does not come. Here the one PostgreSQL is told its
 * commits need a standby named {@code nobody}: the ledger's commit of a player's call waits. Once it has waited past
 * the server's threshold the database counts as lost: the table's watchers are told at once (the table itself still
 * waits for that commit, so the notice cannot come through its mailbox), readiness answers 503 while liveness stays
 * 200. The waiting commit is never cancelled: once a standby is no longer required it goes through, the call is
 * answered, the table pauses and resumes in its numbered events, a watcher catching up from its last seq gets every
 * number once, the hand plays on with every chip, and the audit is clean.
 *
 * <p>{@code synchronous_standby_names} is set for the whole server, so this test has a PostgreSQL of its own (the
 * shared one serves every other test class) and resets it in a finally.
 */
class CommitsStuckTest {

    private static final Duration STALL = Duration.ofSeconds(3);

    @Test
    void aCommitWaitingForAStandbyPausesTheTablesAndReadinessUntilItGoesThrough() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                // A commit waits for a synchronous standby only where standbys could connect at all.
                // (and with synchronous_commit on, which the embedded server turns off by default).
                .setServerConfig("wal_level", "replica").setServerConfig("max_wal_senders", "2")
                .setServerConfig("synchronous_commit", "on").start()) {
            execute(postgres, "CREATE DATABASE stuck");
            try (Connection c = postgres.getDatabase("postgres", "stuck").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE standby_probe (n int)");
            }
            try (TestServer live = TestServer.forThisTest().onDatabase(postgres.getJdbcUrl("postgres", "stuck"))
                    .settings(ServerSettings.forTests().withCommitStall(STALL)).start()) {
                try {
                    play(postgres, live);
                } finally {
                    standbyNoLongerRequired(postgres);
                }
            }
        }
    }

    private static void play(EmbeddedPostgres postgres, TestServer live) throws Exception {
        long table = live.openTable("Stuck", 6);
        long idle = live.openTable("Idle", 6);
        PokerClient dan = live.connect("dan"); // logged in before: a login's session insert would wait too
        dan.reply(dan.send(r -> new ClientMessage.Watch(r, idle, null)), WAIT);
        PokerClient ann = live.connect("ann");
        PokerClient bob = live.connect("bob");
        assertThat(ann.reply(ann.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("40.00"))), WAIT))
                .isInstanceOf(ServerMessage.Done.class);
        assertThat(bob.reply(bob.send(r -> new ClientMessage.SitDown(r, table, 1, Money.parse("40.00"))), WAIT))
                .isInstanceOf(ServerMessage.Done.class);
        long hand = awaitEvent(bob, TableEvent.HandStarted.class).handId();
        ServerMessage.Event turn = (ServerMessage.Event) bob.await(m -> m instanceof ServerMessage.Event e
                && e.event() instanceof TableEvent.TurnStarted, WAIT);
        long seqBefore = turn.seq();
        int toAct = ((TableEvent.TurnStarted) turn.event()).turn().seat();
        PokerClient actor = toAct == 0 ? ann : bob;
        PokerClient other = toAct == 0 ? bob : ann;
        assertThat(live.get("/health/ready", null).statusCode()).isEqualTo(200);

        standbyRequired(postgres);
        // The small blind calls: the posting of the call waits for a standby, and the table waits for the posting.
        String call = actor.send(r -> new ClientMessage.Act(r, table, hand, ActionKind.CALL, null));
        eventually("the call's commit waits for a synchronous standby", () -> waitingForAStandby(postgres) >= 2);

        ServerMessage.TableNotice notice = (ServerMessage.TableNotice) other.await(
                m -> m instanceof ServerMessage.TableNotice, WAIT);
        assertThat(notice.tableId()).isEqualTo(table);
        assertThat(notice.event()).isInstanceOfSatisfying(TableEvent.TablePaused.class,
                paused -> assertThat(paused.reason()).contains("database is unavailable"));
        eventually("readiness says the database is lost", () -> status(live, "/health/ready") == 503);
        assertThat(status(live, "/health/live")).as("alive: no restart needed").isEqualTo(200);
        assertThat(waitingForAStandby(postgres)).as("the call's commit still waits: nothing cancelled it")
                .isGreaterThanOrEqualTo(2);
        // The other table paused (its numbered tablePaused came at once: it waited on nothing); a buy-in there is
        // answered at once rather than left waiting on the database, and moves nothing.
        awaitEvent(dan, TableEvent.TablePaused.class, p -> p.reason().contains("database is unavailable"));
        ServerMessage refused = dan.reply(dan.send(r -> new ClientMessage.SitDown(r, idle, 0, Money.parse("40.00"))), WAIT);
        assertThat(refused).isInstanceOfSatisfying(ServerMessage.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE));

        standbyNoLongerRequired(postgres);
        assertThat(actor.reply(call, WAIT)).as("the call, answered once its commit went through")
                .isInstanceOf(ServerMessage.Done.class);
        // In the table's order: the call, the next turn (the hand plays on), the pause and the resumption, numbered.
        boolean paused = false;
        boolean resumed = false;
        while (!resumed) {
            ServerMessage.Event event = (ServerMessage.Event) other.await(m -> m instanceof ServerMessage.Event, WAIT);
            paused |= event.event() instanceof TableEvent.TablePaused p && p.reason().contains("database is unavailable");
            resumed = event.event() instanceof TableEvent.TableResumed;
            if (event.event() instanceof TableEvent.TurnStarted next) {
                // The hand plays on to its end: whoever is to act folds.
                PokerClient folder = next.turn().seat() == toAct ? actor : other;
                folder.send(r -> new ClientMessage.Act(r, table, hand, ActionKind.FOLD, null));
            }
        }
        assertThat(paused).as("a numbered tablePaused before the tableResumed").isTrue();
        eventually("readiness says ok again", () -> status(live, "/health/ready") == 200);

        // A watcher that saw the table up to the turn catches up with every number once, the notice not among them.
        PokerClient late = live.connect("cleo");
        late.send(r -> new ClientMessage.Watch(r, table, seqBefore));
        List<Long> seqs = new ArrayList<>();
        while (true) {
            ServerMessage message = late.await(m -> m instanceof ServerMessage.Event
                    || m instanceof ServerMessage.Snapshot || m instanceof ServerMessage.TableNotice, WAIT);
            assertThat(message).as("events after the last seq, not a snapshot or a notice")
                    .isInstanceOf(ServerMessage.Event.class);
            ServerMessage.Event event = (ServerMessage.Event) message;
            seqs.add(event.seq());
            if (event.event() instanceof TableEvent.TableResumed) {
                break;
            }
        }
        assertThat(seqs.get(0)).isEqualTo(seqBefore + 1);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("consecutive numbers").isEqualTo(seqs.get(i - 1) + 1);
        }

        // The hand ended (a fold) with every chip of the two buy-ins on the table or in a wallet.
        eventually("the hand ended", () -> live.count("SELECT count(*) FROM hand WHERE id = " + hand
                + " AND status = 'SETTLED'") == 1);
        assertThat(live.chipsOnTable(table).plus(live.wallet("ann")).plus(live.wallet("bob")))
                .isEqualTo(Money.parse("2000.00"));
        assertThat(live.chipsOnTable(table)).isEqualTo(Money.parse("80.00"));
        AuditReport audit = live.audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
        assertThat(live.wallet("dan")).isEqualTo(Money.parse("1000.00"));
        for (PokerClient client : new PokerClient[] {ann, bob, late, dan}) {
            client.close();
        }
    }

    /**
     * From now on every commit waits for a standby named {@code nobody}. The setting reaches the backends a moment
     * after the reload: a commit of this test's own, on a connection of its own, waits until it does (and is never
     * cancelled either: it goes through with the ledger's).
     */
    private static void standbyRequired(EmbeddedPostgres postgres) throws Exception {
        execute(postgres, "ALTER SYSTEM SET synchronous_standby_names = 'nobody'", "SELECT pg_reload_conf()");
        CompletableFuture.runAsync(() -> {
            try (Connection c = postgres.getDatabase("postgres", "stuck").getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO standby_probe VALUES (1)"); // a commit that wrote nothing would not wait
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        eventually("a commit waits for the standby", () -> waitingForAStandby(postgres) >= 1);
    }

    private static void standbyNoLongerRequired(EmbeddedPostgres postgres) {
        execute(postgres, "ALTER SYSTEM RESET synchronous_standby_names", "SELECT pg_reload_conf()");
    }

    /** Backends whose commit waits for a synchronous standby. */
    private static int waitingForAStandby(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    private static int status(TestServer live, String path) {
        try {
            return live.get(path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
