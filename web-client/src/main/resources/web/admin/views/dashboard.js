// Dashboard: what is running now, and how the ledger stands.
import { get } from '../api.js';
import { h } from '../../js/dom.js';
import { card, table, when } from '../widgets.js';
import { auditVerdict } from './audit.js';

export async function render(view) {
  const d = await get('/api/admin/dashboard');
  const ledger = d.ledger;
  view.replaceChildren(
    h('h2', {}, 'Dashboard'),
    h('div', { class: 'cards' },
      card('Tables running', d.tablesRunning, 'tables-running'),
      card('Tables paused', d.tablesPaused, 'tables-paused'),
      card('Tables closing', d.tablesClosing, 'tables-closing'),
      card('Players online', d.playersOnline, 'players-online'),
      card('Players seated', d.playersSeated, 'players-seated'),
      card('Hands per minute', d.handsPerMinute, 'hands-per-minute'),
      card('Hands in progress', d.handsInProgress, 'hands-in-progress')),
    h('h3', {}, `Ledger (${ledger.currency})`),
    h('div', { class: 'cards' },
      card('Cashier balance', ledger.cashierBalance, 'cashier-balance'),
      card('Chips in the system', ledger.chipsInSystem, 'chips-in-system'),
      card('Sum of all balances', ledger.sumOfBalances, 'sum-of-balances'),
      card('Last audit', lastAudit(ledger.lastAudit), 'last-audit')),
    table([
      { title: 'Account kind', cell: (k) => k.kind },
      { title: 'Accounts', cell: (k) => k.accounts, money: true },
      { title: 'Total', cell: (k) => k.total, money: true },
    ], ledger.totalsByKind, 'no accounts yet'));
}

function lastAudit(last) {
  if (!last) return h('span', { class: 'muted' }, 'never run');
  return h('span', {}, auditVerdict(last.report), h('div', { class: 'label' }, `${when(last.at)} by ${last.by}`));
}
