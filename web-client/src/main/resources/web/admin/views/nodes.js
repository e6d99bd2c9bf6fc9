// Game nodes: every node sharing the database, with the URL players reach it at, the tables it holds leases on, its
// last heartbeat and its state (SILENT: no heartbeat for a while; its tables move once their leases run out).
import { get } from '../api.js';
import { h } from '../../js/dom.js';
import { table, when } from '../widgets.js';

export async function render(view) {
  const { nodes } = await get('/api/admin/nodes');
  view.replaceChildren(
    h('h2', {}, 'Game nodes'),
    table([
      { title: 'Node', cell: (n) => n.name },
      { title: 'URL', cell: (n) => n.url },
      { title: 'Tables owned', cell: (n) => String(n.tablesOwned) },
      { title: 'Last heartbeat', cell: (n) => when(n.lastHeartbeat) },
      { title: 'Started', cell: (n) => when(n.startedAt) },
      { title: 'State', cell: (n) => h('span', { class: `state-${n.state}`, 'data-node-state': n.name }, n.state) },
    ], nodes, 'This server runs alone on its database (serve without --node): there are no game nodes to list.'));
}
