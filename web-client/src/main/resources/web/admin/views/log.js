// The admin audit log: who did what, to what, when and why, with the outcome. Append-only on the server.
import { get } from '../api.js';
import { h } from '../../js/dom.js';
import { table, when } from '../widgets.js';

export async function render(view) {
  const filter = h('input', { name: 'action', placeholder: 'action, e.g. DEPOSIT', pattern: '[A-Z_]{2,40}' });
  const list = h('div', {});
  const load = async () => {
    const action = filter.value.trim().toUpperCase();
    const { entries } = await get(`/api/admin/log?limit=200${action ? `&action=${encodeURIComponent(action)}` : ''}`);
    // On game nodes among others: which node carried the action out, and through whose console it was asked.
    const byNode = entries.some((e) => e.node)
      ? [{ title: 'Node', cell: (e) => (e.passedOnFrom ? `${e.node ?? ''} (asked at ${e.passedOnFrom})` : e.node ?? '') }]
      : [];
    list.replaceChildren(table([
      { title: '#', cell: (e) => e.id },
      { title: 'When', cell: (e) => when(e.at) },
      { title: 'Who', cell: (e) => e.admin },
      ...byNode,
      { title: 'Action', cell: (e) => e.action },
      { title: 'Target', cell: (e) => e.target ?? '' },
      { title: 'Why', cell: (e) => e.reason },
      { title: 'Outcome', cell: (e) => h('span', { class: e.outcome === 'DONE' ? 'pass' : e.outcome === 'REFUSED' ? 'fail' : 'muted' },
        e.outcome, e.outcomeAt ? ` ${when(e.outcomeAt)}` : '') },
      { title: 'Answer', cell: (e) => summary(e.reply) },
    ], entries, 'no admin actions yet'));
  };
  const form = h('form', { class: 'grid' }, h('label', {}, 'Only this action', filter), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  view.replaceChildren(h('h2', {}, 'Admin log'), form, list);
  await load();
}

function summary(reply) {
  if (!reply) return '';
  if (reply.error) return `${reply.error.code}: ${reply.error.message}`;
  const parts = [];
  for (const field of ['name', 'role', 'amount', 'wallet', 'postingId', 'state', 'result', 'frozen', 'clean']) {
    if (reply[field] !== undefined) parts.push(`${field} ${reply[field]}`);
  }
  if (reply.table) parts.push(`table ${reply.table.id} ${reply.table.name}`);
  return parts.join(', ');
}
