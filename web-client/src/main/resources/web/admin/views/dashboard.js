// Dashboard: what is running now, how the last hour went (pictures drawn from the server's own figures, sampled
// every ten seconds), and how the ledger stands.
import { get } from '../api.js';
import { h } from '../../js/dom.js';
import { card, table, when } from '../widgets.js';
import { lineChart } from '../chart.js';
import { auditVerdict } from './audit.js';

let refresh;

export async function render(view) {
  clearInterval(refresh);
  const [d, figures] = await Promise.all([get('/api/admin/dashboard'), get('/api/admin/figures')]);
  const ledger = d.ledger;
  const charts = h('div', { class: 'charts', id: 'charts' }, pictures(figures));
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
    ...nodes(d.nodes),
    h('h3', {}, 'The last hour'),
    charts,
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
  // The pictures follow the server's samples while the dashboard is what the operator looks at.
  refresh = setInterval(async () => {
    if (view.dataset.view !== 'dashboard' || !document.body.contains(charts)) {
      clearInterval(refresh);
      return;
    }
    try {
      charts.replaceChildren(...pictures(await get('/api/admin/figures')));
    } catch {
      // the next tick tries again; a signed-out session shows the login form
    }
  }, figures.intervalSeconds * 1000);
}

/** Four pictures of the hour: hands a minute, players online, ledger commits a second, commit latency. */
function pictures(figures) {
  const samples = figures.samples;
  const times = samples.map((s) => Date.parse(s.at));
  const now = times.length ? times[times.length - 1] : Date.now();
  const last = (values) => [...values].reverse().find((v) => v !== null && v !== undefined);
  const figure = (id, title, unit, series, label) => {
    const current = last(series[0].values);
    return h('figure', { class: 'chart', 'data-chart': id },
      h('figcaption', {}, h('span', {}, title), h('b', {}, current === undefined ? '–' : `${label(current)}${unit}`)),
      lineChart({ times, series, now, label }));
  };
  const round = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, ''));
  if (samples.length === 0) {
    return [h('p', { class: 'muted' }, `The first figures come ${figures.intervalSeconds} seconds after the server starts.`)];
  }
  return [
    figure('hands-per-minute', 'Hands per minute', '', [{ name: 'hands', values: samples.map((s) => s.handsPerMinute) }], round),
    figure('players-online', 'Players online', '', [{ name: 'players', values: samples.map((s) => s.playersOnline) }], round),
    figure('commits-per-second', 'Ledger commits per second', '', [{ name: 'commits', values: samples.map((s) => s.commitsPerSecond) }], round),
    figure('commit-latency', 'Commit latency (mean; dashed: p99)', ' ms', [
      { name: 'mean', values: samples.map((s) => s.commitMeanMillis) },
      { name: 'p99', values: samples.map((s) => s.commitP99Millis), className: 'dashed' },
    ], round),
  ];
}

/**
 * On game nodes among others the cards count the whole room; this says what each node counted. A node that did not
 * answer is named (its tables are not in the cards). A player at tables on two nodes is online at each.
 */
function nodes(list) {
  if (!list) return [];
  const figure = (key) => (n) => (n.answered ? n[key] : '–');
  return [
    h('h3', {}, 'By node'),
    table([
      { title: 'Node', cell: (n) => (n.answered ? n.node : h('span', {}, n.node, h('span', { class: 'muted' }, ' (no answer)'))) },
      { title: 'Tables running', cell: figure('tablesRunning'), money: true },
      { title: 'Hands in progress', cell: figure('handsInProgress'), money: true },
      { title: 'Players online', cell: figure('playersOnline'), money: true },
      { title: 'Players seated', cell: figure('playersSeated'), money: true },
    ], list, 'no node'),
  ];
}

function lastAudit(last) {
  if (!last) return h('span', { class: 'muted' }, 'never run');
  return h('span', {}, auditVerdict(last.report), h('div', { class: 'label' }, `${when(last.at)} by ${last.by}`));
}
