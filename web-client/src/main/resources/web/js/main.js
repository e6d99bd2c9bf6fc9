// The page's composition root: the login kept in localStorage, the one connection, the tables being followed, the
// header (player, wallet, connection state) and the router between login, lobby, table and history views.
import { h, replaceChildren } from './dom.js';
import { format, fromWire } from './money.js';
import * as api from './api.js';
import { Connection } from './protocol/connection.js';
import { clearSession, loadSession, saveSession } from './session.js';
import { createStore } from './state/store.js';
import { TableController } from './state/table-controller.js';
import { mountHistoryView } from './views/history-view.js';
import { mountLobbyView } from './views/lobby-view.js';
import { mountLoginView } from './views/login-view.js';
import { mountTableView } from './views/table-view.js';
import { mountTournamentsView, mountTournamentView } from './views/tournaments-view.js';

const STATUS_TEXT = { connecting: 'Connecting…', online: 'Connected', reconnecting: 'Reconnecting…', closed: 'Offline' };

const store = createStore({ session: loadSession(), wallet: null, status: 'closed' });
/** Followed tables by id: {controller, listeners}. A table stays followed while the player sits there. */
const tables = new Map();
/** The connection to the server this page came from. */
let connection = null;
/** Connections to the other game nodes serving tables this player follows, by WebSocket URL (docs/cluster.md). */
const nodeConnections = new Map();
/** Why the server last closed the connection, if it said: told again if the session is then refused. */
let closedBy = null;
let view = null;

export const app = {
  token: () => store.get().session?.token ?? null,
  player: () => store.get().session?.player ?? null,
  wallet: () => store.get().wallet ?? 0n,
  toast,

  loggedIn(session) {
    saveSession(session);
    store.set({ session });
    connect();
    location.hash = '#/lobby';
    route();
  },

  /** The controller of a table, created (and watching) on first use; {@code listeners} replace the previous view's. */
  follow(tableId, listeners) {
    let entry = tables.get(tableId);
    if (!entry) {
      entry = { listeners };
      entry.controller = new TableController(tableId, connection, store.get().session.player, {
        onChange: c => entry.listeners.onChange?.(c),
        onEvent: (...args) => entry.listeners.onEvent?.(...args),
        onRecent: (...args) => entry.listeners.onRecent?.(...args),
        onError: text => (entry.listeners.onError ?? toast)(text),
      });
      tables.set(tableId, entry);
      entry.controller.start();
    }
    entry.listeners = listeners;
    return entry.controller;
  },

  /** The view is gone: a spectator stops watching; a seated player keeps following the table from the lobby. */
  unfollow(tableId, controller) {
    const entry = tables.get(tableId);
    if (!entry || entry.controller !== controller) {
      return;
    }
    if (controller.model.mySeat >= 0) {
      entry.listeners = {};
    } else {
      controller.stop();
      tables.delete(tableId);
    }
  },

  isSeatedAt(tableId) {
    return (tables.get(tableId)?.controller.model.mySeat ?? -1) >= 0;
  },
};

function connect() {
  connection?.stop();
  nodeConnections.forEach(c => c.stop());
  nodeConnections.clear();
  const session = store.get().session;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  closedBy = null;
  connection = new Connection(`${scheme}://${location.host}/ws`, session.token, {
    onStatus: status => {
      store.set({ status });
      tables.forEach(entry => entry.listeners.onChange?.(entry.controller));
    },
    onWelcome: welcome => {
      store.set({ wallet: fromWire(welcome.wallet) });
      tables.forEach(entry => {
        if (entry.controller.connection === connection) entry.controller.resume();
      });
    },
    onMessage: received,
    onClosedBy: reason => {
      closedBy = reason;
      toast(`The server closed the connection: ${reason}`);
      // Said where the player is looking too, and kept there: a toast is gone in seconds.
      tables.forEach(entry => {
        entry.controller.model.closedByServer(reason);
        entry.listeners.onChange?.(entry.controller);
      });
    },
    onUnauthorized: () => {
      logout(closedBy ? `You were logged out: ${closedBy}` : 'Your session has ended: please log in again.');
    },
  });
  connection.start();
}

/** The socket to another game node (one per node, shared by every table followed there), opened on first use. */
function connectionTo(wsUrl) {
  let node = nodeConnections.get(wsUrl);
  if (!node) {
    node = new Connection(wsUrl, store.get().session.token, {
      onStatus: () => tables.forEach(entry => entry.listeners.onChange?.(entry.controller)),
      onWelcome: () => tables.forEach(entry => {
        if (entry.controller.connection === node) entry.controller.resume();
      }),
      onMessage: received,
      onUnauthorized: () => logout('Your session has ended: please log in again.'),
    });
    nodeConnections.set(wsUrl, node);
    node.start();
  }
  return node;
}

/**
 * The table is served by another game node now (a takeover or a drain): look up where, retrying while no node holds
 * it, then follow it there with the last seq seen. {@code url} is the node's http(s) URL when the message named it.
 */
async function tableMoved(tableId, url) {
  const entry = tables.get(tableId);
  if (!entry || entry.moving) {
    return;
  }
  entry.moving = true;
  try {
    let where = url;
    for (let attempt = 0; !where; attempt++) {
      try {
        where = (await api.route(tableId)).url ?? location.origin;
      } catch (notYet) {
        if (notYet.status === 404 || attempt >= 30) {
          toast(`Table ${tableId} is no longer served.`);
          return;
        }
        await new Promise(resolve => setTimeout(resolve, Math.min(2000, 250 * (attempt + 1))));
      }
    }
    const target = new URL(where, location.href);
    const home = target.host === location.host;
    const wsUrl = `${target.protocol === 'https:' ? 'wss' : 'ws'}://${target.host}/ws`;
    entry.controller.moveTo(home ? connection : connectionTo(wsUrl));
  } finally {
    entry.moving = false;
  }
}

function received(message) {
  if (message.type === 'tableMoved') {
    tableMoved(message.tableId, message.url);
  } else if (message.type === 'wallet') {
    store.set({ wallet: fromWire(message.balance) });
  } else if (message.type === 'tournamentStarted') {
    tournamentStarted(message.tournamentId, message.tableId);
  } else if (message.type === 'snapshot' || message.type === 'event' || message.type === 'recentEvents') {
    tables.get(message.tableId)?.controller.handle(message);
  } else if (message.type === 'error' && message.code !== 'TABLE_MOVED') {
    toast(message.message ?? message.code);
  }
}

/**
 * A sit-and-go the player registered for started: its table opens. At another table the page stays (a hand there may
 * be in play) and a notice links to the tournament's table.
 */
function tournamentStarted(tournamentId, tableId) {
  const at = `#/table/${tableId}`;
  if (location.hash === at) {
    return;
  }
  if (/^#\/table\//.test(location.hash)) {
    toast(h('span', {}, `Your sit-and-go #${tournamentId} has started: `,
        h('a', { href: at, class: 'tournament-started' }, 'open its table')));
  } else {
    toast(`Your sit-and-go #${tournamentId} has started.`);
    location.hash = at;
  }
}

async function logout(reason) {
  const token = app.token();
  connection?.stop();
  connection = null;
  nodeConnections.forEach(c => c.stop());
  nodeConnections.clear();
  tables.clear();
  clearSession();
  store.set({ session: null, wallet: null, status: 'closed' });
  if (token && !reason) {
    api.logout(token).catch(() => {});
  }
  if (reason) {
    toast(reason);
  }
  location.hash = '#/';
  route();
  const said = document.getElementById('login-error');
  if (reason && said) {
    said.textContent = reason; // the login form keeps it in sight
  }
}

// ---- header, toasts, routing ----

function header() {
  const who = document.getElementById('who');
  const wallet = document.getElementById('wallet');
  const indicator = document.getElementById('conn-state');
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  document.getElementById('logout').addEventListener('click', () => logout());
  store.subscribe(state => {
    const loggedIn = Boolean(state.session);
    nav.hidden = !loggedIn;
    account.hidden = !loggedIn;
    who.textContent = loggedIn ? state.session.player : '';
    wallet.textContent = state.wallet === null ? '…' : format(state.wallet);
    wallet.dataset.cents = state.wallet === null ? '' : state.wallet.toString();
    indicator.dataset.state = state.status;
    indicator.textContent = STATUS_TEXT[state.status] ?? state.status;
    indicator.hidden = !loggedIn;
  });
}

function toast(text) {
  const list = document.getElementById('toasts');
  const line = h('div', { class: 'toast', role: 'status' }, text);
  list.append(line);
  setTimeout(() => line.remove(), 6000);
}

function route() {
  const main = document.getElementById('view');
  view?.destroy();
  const session = store.get().session;
  const hash = location.hash;
  const table = /^#\/table\/(\d+)(\/sit)?$/.exec(hash);
  const tournament = /^#\/tournament\/(\d+)$/.exec(hash);
  if (!session) {
    view = mountLoginView(app);
  } else if (table) {
    view = mountTableView(app, Number(table[1]), { sitDown: Boolean(table[2]) });
  } else if (hash === '#/history') {
    view = mountHistoryView(app);
  } else if (hash === '#/tournaments') {
    view = mountTournamentsView(app);
  } else if (tournament) {
    view = mountTournamentView(app, Number(tournament[1]));
  } else {
    view = mountLobbyView(app);
  }
  document.querySelectorAll('#nav a[data-route]').forEach(link => {
    const elsewhere = table || tournament || hash === '#/history' || hash === '#/tournaments';
    link.classList.toggle('active', hash.startsWith(link.getAttribute('href'))
        || (link.dataset.route === 'tournaments' && Boolean(tournament)) || (link.dataset.route === 'lobby' && !elsewhere));
  });
  replaceChildren(main, view.element);
}

header();
if (store.get().session) {
  connect();
}
window.addEventListener('hashchange', route);
route();
