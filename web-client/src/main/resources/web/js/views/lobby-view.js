// The lobby: every table with its game, stakes, seats taken and average pot, to watch or sit at (or return to, where the
// player already sits, even after a reload), and "play now", which picks a table with a free seat (preferring one
// where people already play, never one the player already sits at) and opens its buy-in.
import { h, replaceChildren } from '../dom.js';
import { gameName } from '../games.js';
import { format, fromWire } from '../money.js';
import * as api from '../api.js';

const REFRESH_MILLIS = 5000;

/** Whether {@code player} sits at this lobby row's table. */
export function sitsAt(table, player) {
  return player != null && Array.isArray(table.players) && table.players.includes(player);
}

/** The table "play now" sits at: a free seat not already the player's, as many players as possible, then the lowest id. */
export function pickTable(tables, player = null) {
  const open = tables.filter(t => t.seated < t.seats && !sitsAt(t, player));
  open.sort((a, b) => (b.seated - a.seated) || (a.id - b.id));
  return open[0] ?? null;
}

export function mountLobbyView(app) {
  const rows = h('tbody', { id: 'lobby-rows' });
  const status = h('p', { class: 'lobby-status', id: 'lobby-status' }, 'Loading tables…');
  const playNow = h('button', { type: 'button', class: 'primary', id: 'play-now', disabled: true }, 'Play now');
  let tables = [];
  playNow.addEventListener('click', () => {
    const table = pickTable(tables, app.player());
    if (table) {
      location.hash = `#/table/${table.id}/sit`;
    }
  });
  const element = h('section', { class: 'lobby', id: 'lobby' },
      h('div', { class: 'lobby-top' }, h('h1', {}, 'Tables'), playNow),
      status,
      h('table', { class: 'lobby-table' },
          h('thead', {}, h('tr', {},
              h('th', {}, 'Table'), h('th', {}, 'Game'), h('th', {}, 'Stakes'), h('th', {}, 'Seats'), h('th', {}, 'Avg pot'),
              h('th', {}, 'Buy-in'), h('th', {}, ''))),
          rows));

  async function refresh() {
    try {
      const answer = await api.lobby();
      tables = Array.isArray(answer?.tables) ? answer.tables : [];
      status.textContent = tables.length ? '' : 'No tables are open right now.';
      replaceChildren(rows, tables.map(row));
      playNow.disabled = !pickTable(tables, app.player());
    } catch (failure) {
      status.textContent = `The lobby cannot be loaded: ${failure.message}`;
    }
  }

  function row(t) {
    // The page knows the tables it follows; after a reload it follows none yet, and the lobby's list of players says.
    const seated = app.isSeatedAt(t.id) || sitsAt(t, app.player());
    app.nodeSeen(t.url); // on a game node among others, the node serving the table
    return h('tr', { class: 'lobby-row', dataset: { tableId: t.id, node: t.node ?? '' } },
        h('td', { class: 'name', 'data-label': 'Table' }, t.name),
        h('td', { class: 'game', 'data-label': 'Game', dataset: { game: t.game ?? 'NLHE' } }, gameName(t.game)),
        h('td', { class: 'stakes', 'data-label': 'Stakes' }, `${format(fromWire(t.smallBlind))}/${format(fromWire(t.bigBlind))}`),
        h('td', { class: 'seats', 'data-label': 'Seats' }, `${t.seated}/${t.seats}`),
        h('td', { class: 'average-pot', 'data-label': 'Avg pot' }, format(fromWire(t.averagePot))),
        h('td', { class: 'buy-in', 'data-label': 'Buy-in' }, `${format(fromWire(t.minBuyIn))}–${format(fromWire(t.maxBuyIn))}`),
        h('td', { class: 'go' },
            h('a', { class: 'button', href: `#/table/${t.id}`, dataset: { action: 'watch' } }, seated ? 'Return' : 'Watch'),
            !seated && t.seated < t.seats ? h('a', { class: 'button primary', href: `#/table/${t.id}/sit`, dataset: { action: 'sit' } }, 'Sit') : null));
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MILLIS);
  return { element, destroy: () => clearInterval(timer) };
}
