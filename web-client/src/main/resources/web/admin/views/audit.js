// The ledger audit: run on demand, every finding shown. The run itself is kept in the admin log.
import { get, post } from '../api.js';
import { h } from '../../js/dom.js';
import { busy, table, when } from '../widgets.js';

export function auditVerdict(report) {
  return report.clean
    ? h('span', { class: 'pass', 'data-audit': 'pass' }, 'PASSED')
    : h('span', { class: 'fail', 'data-audit': 'fail' }, `FAILED: ${report.findingCount} finding(s)`);
}

export async function render(view) {
  const result = h('div', { id: 'audit-result' });
  const reason = h('input', { name: 'reason', placeholder: 'why (optional)', maxlength: 500 });
  const run = h('button', { type: 'submit', id: 'run-audit' }, 'Run the ledger audit now');
  const form = h('form', { class: 'grid' }, h('label', {}, 'Reason', reason), run);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const report = await busy(run, () => post('/api/admin/audit/run', reason.value.trim() ? { reason: reason.value.trim() } : {}),
      (r) => (r.clean ? 'audit passed' : `audit FAILED with ${r.findingCount} finding(s)`));
    if (report) result.replaceChildren(...show(report, 'This run'));
  });
  view.replaceChildren(h('h2', {}, 'Ledger audit'),
    h('p', { class: 'muted' }, 'Re-derives every balance from the journal and checks conservation, version chains, '
      + 'balanced transfers and unique keys. Reading it changes nothing.'),
    form, result);
  const { last } = await get('/api/admin/audit/last');
  if (last) result.replaceChildren(...show(last.report, `Last run ${when(last.at)} by ${last.by} (${last.reason})`));
}

function show(report, title) {
  return [
    h('h3', {}, title, ': ', auditVerdict(report)),
    h('p', {}, `${report.totals.accounts} accounts, ${report.totals.postings} postings, ${report.totals.transfers} transfers, `
      + `${report.totals.entries} entries`),
    table([
      { title: 'Currency', cell: (c) => c.currency },
      { title: 'Chips in play', cell: (c) => c.chipsInPlay ?? '0.00', money: true },
      { title: 'Balances sum to', cell: (c) => c.sumOfBalances, money: true },
    ], report.currencies, 'no currencies yet'),
    table([
      { title: 'Finding', cell: (f) => f.kind },
      { title: 'About', cell: (f) => f.subject },
      { title: 'Detail', cell: (f) => f.detail },
    ], report.findings, 'No findings.'),
  ];
}
