// Which game node serves each table the page follows, and the socket to it (docs/cluster.md): the page's own server
// by default, another node's socket (one per node, shared by its tables) when a table is served there. A table is
// looked up again when its node says it moved, and when its node's socket drops: until another node serves it or that
// socket is back. Each lookup asks the page's own server first, then the other nodes this page has heard of, so a
// dead node, even the page's own, does not strand the tables served elsewhere.
import * as api from '../api.js';

/** Waits between lookups while no node serves the table (its lease runs out, then another node claims it). */
const LOOKUP_RETRY_MILLIS = [250, 500, 1000, 2000];
/** How long a lookup goes on while no node answers or serves the table (about a minute and a half). */
const LOOKUP_ATTEMPTS = 50;
/** Before watching again at a node that said it does not serve the table yet its lease names it (a claim under way). */
const REWATCH_MILLIS = 1000;
/** A lookup's answer when the table is closed: nothing to follow. */
const GONE = Symbol('gone');

const sleep = millis => new Promise(resolve => setTimeout(resolve, millis));

export class TableRouter {
  /**
   * @param tables the followed tables by id ({controller}), shared with the page
   * @param parts  home(): the socket to the page's own server; open(wsUrl): a started socket to another node (its
   *               handlers call {@link #dropped} when it drops); toast(text)
   */
  constructor(tables, parts) {
    this.tables = tables;
    this.parts = parts;
    /** Sockets to other nodes, by WebSocket URL. */
    this.sockets = new Map();
    /** Other nodes' http(s) origins, asked when the page's own server does not answer a lookup. */
    this.known = new Set();
  }

  /** A node's URL heard of (a route, a move, the lobby), kept for lookups. */
  learn(url) {
    if (url) {
      const origin = new URL(url, location.href).origin;
      if (origin !== location.origin) {
        this.known.add(origin);
      }
    }
  }

  /** The socket for the node at {@code url}: the page's own, or one to that node, opened on first use. */
  socketFor(url) {
    const target = new URL(url, location.href);
    if (target.host === location.host) {
      return this.parts.home();
    }
    this.learn(target.origin);
    const wsUrl = `${target.protocol === 'https:' ? 'wss' : 'ws'}://${target.host}/ws`;
    let socket = this.sockets.get(wsUrl);
    if (!socket) {
      socket = this.parts.open(wsUrl);
      this.sockets.set(wsUrl, socket);
    }
    return socket;
  }

  /** The node {@code from} says it does not serve the table ({@code url}: where it is, when it said). */
  moved(tableId, url, from) {
    const entry = this.tables.get(tableId);
    if (entry && entry.controller.connection === from) {
      this.learn(url);
      this.relocate(entry, { url });
    }
  }

  /** A socket dropped: each table followed over it is looked up until another node serves it or the socket is back. */
  dropped(socket) {
    this.tables.forEach(entry => {
      if (entry.controller.connection === socket) {
        this.relocate(entry, { dropped: socket });
      }
    });
  }

  /** Closes the sockets to other nodes that no followed table uses any more (a dead node's would retry forever). */
  closeIdle() {
    for (const [wsUrl, socket] of this.sockets) {
      if (![...this.tables.values()].some(entry => entry.controller.connection === socket)) {
        socket.stop();
        socket.abandonAll();
        this.sockets.delete(wsUrl);
      }
    }
  }

  /** Logging out: every socket to another node closes. */
  stopAll() {
    this.sockets.forEach(socket => socket.stop());
    this.sockets.clear();
  }

  /**
   * Looks the table up (again and again while no node serves it) and follows it to its node, resuming from the last
   * seq seen. One lookup per table at a time: a second reason to look meanwhile is covered by the first.
   */
  async relocate(entry, { url = null, dropped = null }) {
    if (entry.relocating) {
      return;
    }
    entry.relocating = true;
    const tableId = entry.controller.tableId;
    const still = () => this.tables.get(tableId) === entry
        && (!dropped || (!dropped.online && entry.controller.connection === dropped));
    try {
      for (let attempt = 0; still(); attempt++) {
        const where = url ?? await this.lookUp(tableId);
        url = null;
        if (where === GONE) {
          this.parts.toast(`Table ${tableId} is no longer served.`);
          return;
        }
        if (where && still()) {
          const socket = this.socketFor(where);
          if (socket !== entry.controller.connection) {
            entry.controller.moveTo(socket);
            this.closeIdle();
            return;
          }
          if (!dropped) {
            // The node that said "not here" is the one the lease names: it is claiming the table. Ask it again soon.
            await sleep(REWATCH_MILLIS);
            if (still()) {
              entry.controller.watch(false);
            }
            return;
          }
        }
        if (attempt >= LOOKUP_ATTEMPTS && !dropped) {
          this.parts.toast(`Table ${tableId}: no node serves it now.`);
          return;
        }
        await sleep(LOOKUP_RETRY_MILLIS[Math.min(attempt, LOOKUP_RETRY_MILLIS.length - 1)]);
      }
    } finally {
      entry.relocating = false;
    }
  }

  /** The URL of the node serving the table now, GONE when it is closed, null when none serves it or none answers. */
  async lookUp(tableId) {
    for (const origin of [location.origin, ...this.known]) {
      try {
        const route = await api.routeAt(origin, tableId);
        // A server alone on its database answers url null: it serves the table itself.
        const url = route.url ?? origin;
        this.learn(url);
        return url;
      } catch (failure) {
        if (failure.status === 404) {
          return GONE;
        }
        if (failure.status === 503) {
          return null; // a node answered: a takeover is under way
        }
        // that node does not answer: ask the next one
      }
    }
    return null;
  }
}
