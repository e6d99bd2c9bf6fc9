// The page's composition root: the login kept in localStorage, the one connection, the tables being followed, the
// header (player, wallet, connection state) and the router between login, lobby, table and history views.
import { h, replaceChildren } from './dom.js';
import { format, fromWire } from './money.js';
import * as api from './api.js';
import { Connection } from './protocol/connection.js';
import { TableRouter } from './protocol/table-router.js';
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
/** Where each followed table is served: this page's server, or a socket to another game node. */
const router = new TableRouter(tables, { home: () => connection, open: nodeSocket, toast });
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
      router.closeIdle();
    }
  },

  /** A game node's URL the lobby named: asked where a table went should the page's own node be gone. */
  nodeSeen(url) {
    router.learn(url);
  },

  isSeatedAt(tableId) {
    return (tables.get(tableId)?.controller.model.mySeat ?? -1) >= 0;
  },
};

/** A toast, and a notice at every table followed: said where the player is looking, and kept there (a toast is gone in seconds). */
function tellAtEveryTable(text, noteOn) {
  toast(text);
  tables.forEach(entry => {
    noteOn(entry.controller.model);
    entry.listeners.onChange?.(entry.controller);
  });
}

function connect() {
  connection?.stop();
  router.stopAll();
  const session = store.get().session;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  closedBy = null;
  const home = new Connection(`${scheme}://${location.host}/ws`, session.token, {
    onStatus: status => {
      store.set({ status });
      tables.forEach(entry => entry.listeners.onChange?.(entry.controller));
    },
    onWelcome: welcome => {
      store.set({ wallet: fromWire(welcome.wallet) });
      tables.forEach(entry => {
        if (entry.controller.connection === home) entry.controller.resume();
      });
      // Told at every welcome, so a player who was away when the freeze came learns it too.
      if (welcome.frozen && welcome.frozen !== closedBy) {
        tellAtEveryTable(`Your account: ${welcome.frozen}`, model => model.frozenByOperator(welcome.frozen));
      }
    },
    onMessage: message => received(message, home),
    onLost: () => router.dropped(home),
    onClosedBy: reason => {
      closedBy = reason;
      tellAtEveryTable(`The server closed the connection: ${reason}`, model => model.closedByServer(reason));
    },
    onUnauthorized: () => {
      logout(closedBy ? `You were logged out: ${closedBy}` : 'Your session has ended: please log in again.');
    },
  });
  connection = home;
  connection.start();
}

/** A socket to another game node (docs/cluster.md), shared by every table followed there. */
function nodeSocket(wsUrl) {
  const socket = new Connection(wsUrl, store.get().session.token, {
    onStatus: () => tables.forEach(entry => entry.listeners.onChange?.(entry.controller)),
    onWelcome: () => tables.forEach(entry => {
      if (entry.controller.connection === socket) entry.controller.resume();
    }),
    onMessage: message => received(message, socket),
    onLost: () => router.dropped(socket),
    onUnauthorized: () => logout('Your session has ended: please log in again.'),
  });
  socket.start();
  return socket;
}

function received(message, from) {
  if (message.type === 'tableMoved') {
    router.moved(message.tableId, message.url, from);
  } else if (message.type === 'wallet') {
    store.set({ wallet: fromWire(message.balance) });
  } else if (message.type === 'tournamentStarted') {
    tournamentStarted(message.tournamentId, message.tableId);
  } else if (message.type === 'snapshot' || message.type === 'event' || message.type === 'recentEvents'
      || message.type === 'tableNotice') {
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
  router.stopAll();
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
