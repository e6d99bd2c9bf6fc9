// The one WebSocket to the server: hello first, requests with unique ids, automatic reconnect with backoff, and a
// keep-alive ping. What happens to a request whose answer was lost with the connection is the request's own policy.

export const PROTOCOL_VERSION = 1;
const BACKOFF_MILLIS = [250, 500, 1000, 2000, 4000, 5000];
const PING_MILLIS = 25_000;

/** What to do with a request that was sent but not answered when the connection dropped. */
export const Resend = Object.freeze({
  /** Send it again with its original requestId: the server answers it once (money requests, sitting out/in). */
  ALWAYS: 'always',
  /** Give up and answer it locally with CONNECTION_LOST (chat: a resent line could appear twice). */
  NEVER: 'never',
  /** Keep it pending; its owner calls resend() or abandon() once it knows whether the server saw it (actions). */
  MANUAL: 'manual',
});

/** Request ids unique across reloads and tabs: a random prefix for this page, then a counter. */
function requestIdSource() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const prefix = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  let counter = 0;
  return () => `${prefix}-${++counter}`;
}

export class Connection {
  /**
   * @param url     the WebSocket URL (ws://host/ws)
   * @param token   the session token from login
   * @param handlers onStatus(status), onWelcome(welcome), onMessage(message), onUnauthorized(error), onLost() (the socket
   *                 dropped; it reconnects by itself)
   */
  constructor(url, token, handlers) {
    this.url = url;
    this.token = token;
    this.handlers = handlers;
    this.nextId = requestIdSource();
    /** Unanswered requests by id: {message, policy, sent, resolve}. */
    this.pending = new Map();
    this.status = 'connecting';
    this.socket = null;
    this.helloId = null;
    this.attempts = 0;
    this.stopped = false;
    this.reconnectTimer = null;
    this.pingTimer = null;
  }

  start() {
    this.connect();
  }

  /** Stops for good (logout, or the session was refused). */
  stop() {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    if (this.socket) {
      this.socket.close(1000, 'bye');
    }
    this.setStatus('closed');
  }

  /** Closes the socket as a network failure would; the connection comes back by itself. */
  drop() {
    if (this.socket) {
      this.socket.close(4000, 'dropped');
    }
  }

  get online() {
    return this.status === 'online';
  }

  /**
   * Sends a request (now, or as soon as the session is open) and returns {requestId, reply}: reply resolves with the
   * server's done or error message.
   */
  request(fields, policy = Resend.ALWAYS) {
    const requestId = this.nextId();
    const message = { ...fields, requestId };
    const reply = new Promise(resolve => {
      this.pending.set(requestId, { message, policy, sent: false, resolve });
    });
    if (this.online) {
      this.transmit(requestId);
    }
    return { requestId, reply };
  }

  /** Sends a pending request again, exactly as first sent (same requestId). */
  resend(requestId) {
    if (this.pending.has(requestId) && this.online) {
      this.transmit(requestId);
    }
  }

  /** Gives up on a pending request whose outcome is known otherwise (the table shows it was carried out). */
  abandon(requestId, reason = 'CONNECTION_LOST') {
    const entry = this.pending.get(requestId);
    if (entry) {
      this.pending.delete(requestId);
      entry.resolve({ type: 'error', requestId, code: reason, message: 'the connection dropped before the answer came' });
    }
  }

  /** Gives up on every pending request: the socket closes for good, and what they were for is served elsewhere. */
  abandonAll(reason = 'CONNECTION_LOST') {
    [...this.pending.keys()].forEach(id => this.abandon(id, reason));
  }

  isPending(requestId) {
    return this.pending.has(requestId);
  }

  // ---- the socket ----

  connect() {
    clearTimeout(this.reconnectTimer);
    this.setStatus(this.attempts === 0 ? 'connecting' : 'reconnecting');
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (failure) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.helloId = this.nextId();
      socket.send(JSON.stringify({ type: 'hello', requestId: this.helloId, protocolVersion: PROTOCOL_VERSION, token: this.token }));
    });
    socket.addEventListener('message', e => {
      if (socket === this.socket) {
        this.received(e.data);
      }
    });
    socket.addEventListener('close', e => {
      if (socket === this.socket) {
        // The server says why it closed a socket (a freeze, a session ended): the player should read it, not guess.
        if (e.reason && !this.stopped && e.reason !== 'dropped') {
          this.handlers.onClosedBy?.(e.reason);
        }
        this.lost();
      }
    });
  }

  lost() {
    clearInterval(this.pingTimer);
    this.socket = null;
    for (const [id, entry] of this.pending) {
      if (entry.sent) {
        entry.sent = false;
        entry.unanswered = true;
        if (entry.policy === Resend.NEVER) {
          this.abandon(id);
        }
      }
    }
    if (!this.stopped) {
      this.scheduleReconnect();
      this.handlers.onLost?.();
    }
  }

  scheduleReconnect() {
    this.setStatus('reconnecting');
    const delay = BACKOFF_MILLIS[Math.min(this.attempts, BACKOFF_MILLIS.length - 1)];
    this.attempts++;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  received(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (malformed) {
      return;
    }
    if (message.requestId && message.requestId === this.helloId) {
      this.helloAnswered(message);
      return;
    }
    if ((message.type === 'done' || message.type === 'error' || message.type === 'pong') && this.pending.has(message.requestId)) {
      const entry = this.pending.get(message.requestId);
      this.pending.delete(message.requestId);
      entry.resolve(message);
      return;
    }
    if (message.type !== 'pong') {
      this.handlers.onMessage?.(message);
    }
  }

  helloAnswered(message) {
    if (message.type !== 'welcome') {
      this.stop();
      this.handlers.onUnauthorized?.(message);
      return;
    }
    this.attempts = 0;
    this.setStatus('online');
    this.pingTimer = setInterval(() => this.ping(), PING_MILLIS);
    this.handlers.onWelcome?.(message);
    // Requests never sent, and answer-lost requests that are safe to repeat, go out now with their original ids.
    for (const [id, entry] of this.pending) {
      if (!entry.sent && (!entry.unanswered || entry.policy === Resend.ALWAYS)) {
        this.transmit(id);
      }
    }
  }

  ping() {
    if (this.online) {
      this.request({ type: 'ping' }, Resend.NEVER);
    }
  }

  transmit(requestId) {
    const entry = this.pending.get(requestId);
    entry.sent = true;
    entry.unanswered = false;
    this.socket.send(JSON.stringify(entry.message));
  }

  setStatus(status) {
    if (this.status !== status) {
      this.status = status;
      this.handlers.onStatus?.(status);
    }
  }
}
