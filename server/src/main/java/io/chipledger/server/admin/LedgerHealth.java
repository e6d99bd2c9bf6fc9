package io.chipledger.server.admin;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The figures behind the dashboard's ledger panel and the audit page: totals per account kind, the cashier's balance
 * (minus the chips in the system), hands per minute, and ledger audits run on demand, each kept in the admin audit log
 * so the last result and its time survive restarts. Blocking: call on the worker.
 */
final class LedgerHealth {

    static final String AUDIT_RUN = "AUDIT_RUN";
    private static final Duration HAND_RATE_WINDOW = Duration.ofMinutes(10);
    /** An audit reply lists at most this many findings; the count is always complete. */
    private static final int MAX_FINDINGS_SHOWN = 200;

    private final SqlSessionFactory database;
    private final AdminAuditLog auditLog;
    private final Clock clock;
    private final String currency;

    LedgerHealth(SqlSessionFactory database, AdminAuditLog auditLog, Clock clock, String currency) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.currency = currency;
    }

    /** Runs the full ledger audit now and records who ran it, why, and what it found. */
    AdminReply audit(Operator operator, String reason) {
        Instant started = clock.instant();
        AuditReport report = new LedgerAuditor(database).audit();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", started);
        body.put("clean", report.clean());
        body.put("totals", report.totals());
        body.put("currencies", report.currencies());
        body.put("findingCount", report.findings().size());
        body.put("findings", report.findings().stream().limit(MAX_FINDINGS_SHOWN).toList());
        body.put("summary", report.summary());
        AdminReply reply = AdminReply.ok(body);
        long id = auditLog.entry(operator, AUDIT_RUN, "ledger", reason, AdminJson.MAPPER.createObjectNode(), reply);
        reply.body().put("logId", id);
        return reply;
    }

    /** The last audit's reply, with who ran it; empty when none ever ran. */
    Optional<Map<String, Object>> lastAudit() {
        return auditLog.last(AUDIT_RUN).map(entry -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", entry.recordedAt());
            last.put("by", entry.adminName());
            last.put("reason", entry.reason());
            last.put("report", AdminReply.stored(entry.replyStatus(), entry.reply()).body());
            return last;
        });
    }

    /** Everything on the dashboard that lives in the database; the live figures are added by the caller. */
    Map<String, Object> ledgerFigures() {
        List<AdminMapper.KindTotal> kinds;
        long recentHands;
        try (SqlSession session = database.openSession(true)) {
            AdminMapper mapper = session.getMapper(AdminMapper.class);
            kinds = mapper.totalsByKind(currency);
            recentHands = mapper.handsStartedSince(clock.instant().minus(HAND_RATE_WINDOW));
        }
        Money cashier = kinds.stream().filter(k -> k.kind().equals("CASHIER")).map(AdminMapper.KindTotal::total)
                .findFirst().orElse(Money.ZERO);
        Money sum = kinds.stream().map(AdminMapper.KindTotal::total).reduce(Money.ZERO, Money::plus);
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("currency", currency);
        ledger.put("totalsByKind", kinds);
        ledger.put("cashierBalance", cashier);
        ledger.put("chipsInSystem", cashier.negate());
        ledger.put("sumOfBalances", sum);
        ledger.put("lastAudit", lastAudit().orElse(null));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("handsPerMinute", BigDecimal.valueOf(recentHands)
                .divide(BigDecimal.valueOf(HAND_RATE_WINDOW.toMinutes()), 1, RoundingMode.HALF_UP).toPlainString());
        figures.put("handsInLastTenMinutes", recentHands);
        figures.put("ledger", ledger);
        return figures;
    }
}
