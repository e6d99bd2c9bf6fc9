// Follows one table over the connection: watches it, applies its snapshot and events to a TableModel in seq order,
// resynchronises after a gap or a reconnect, and sends this player's requests. An action is sent at most once per
// turn: while it is unanswered the action bar stays disabled, and after a reconnect it is resent with its original
// requestId only if the resynchronised table shows the same turn still waiting for it. While seated, the player adds a
// fresh random seed of their own to every deck the table commits to (docs/provably-fair.md), so the server cannot
// choose the cards they are dealt.
import { Applied, TableModel } from './table-model.js';
import { Resend } from '../protocol/connection.js';
import { toWire } from '../money.js';

/** How many of the table's latest events a snapshot comes with (the server's most). */
const RECENT_EVENTS = 300;

export class TableController {
  /**
   * @param listeners onChange(controller), onEvent(event, seq, model), onRecent(events, model), onError(text)
   */
  constructor(tableId, connection, me, listeners = {}) {
    this.tableId = tableId;
    this.connection = connection;
    this.model = new TableModel(tableId, me);
    this.listeners = listeners;
    /** The action sent for the current turn and not yet seen through: {requestId, turnKey, handId}. */
    this.pendingAct = null;
    this.resyncing = false;
    this.stopped = false;
    /** The seeds this page sent, by the deck commitment they were sent against (the latest few). */
    this.sentSeeds = new Map();
  }

  start() {
    this.watch(false);
  }

  /** Stops following the table (spectators leaving the view). */
  stop() {
    this.stopped = true;
    this.connection.request({ type: 'unwatch', tableId: this.tableId }, Resend.NEVER);
  }

  /** After a reconnect: catch up on what was missed, then decide about an action whose answer was lost. */
  resume() {
    if (this.stopped || (this.model.seq === null && this.resyncing)) {
      return; // stopped, or the first watch is still on its way
    }
    const act = this.pendingAct;
    this.watch(false);
    if (act && this.connection.isPending(act.requestId)) {
      // The server answers a watch, then replays; a second watch is answered only after the first one's replay,
      // so when it is answered the model shows whether the lost action was carried out.
      this.watch(false).then(() => this.settleLostAction(act));
    }
  }

  /**
   * Another game node serves the table now: follow it over {@code connection} (this player's socket to that node),
   * resuming from the last applied event (the new owner numbers its events above the old one's: it sends a snapshot).
   * An action sent to the old node and not answered is given up: the table it was for is played elsewhere now.
   */
  moveTo(connection) {
    const act = this.pendingAct;
    if (act) {
      this.connection.abandon(act.requestId, 'SUPERSEDED');
      this.pendingAct = null;
    }
    this.connection = connection;
    this.resyncing = false;
    if (!this.stopped) {
      this.watch(false);
    }
    this.changed();
  }

  /**
   * Subscribes (again), resuming from the last applied event, or from a fresh snapshot when {@code fresh}. A snapshot
   * comes with the table's latest events, which the log and chat are drawn from again (after a reload, on another
   * device, after a gap too old to replay).
   */
  watch(fresh) {
    const fields = { type: 'watch', tableId: this.tableId, recent: RECENT_EVENTS };
    if (!fresh && this.model.seq !== null) {
      fields.lastSeq = this.model.seq;
    }
    this.resyncing = true;
    const { reply } = this.connection.request(fields, Resend.NEVER);
    return reply.then(answer => {
      this.resyncing = false;
      if (answer.type === 'error' && answer.code !== 'CONNECTION_LOST' && answer.code !== 'TABLE_MOVED') {
        this.listeners.onError?.(answer.message ?? answer.code);
      }
      return answer;
    });
  }

  /** Everything the server sends about this table. */
  handle(message) {
    if (message.tableId !== this.tableId || this.stopped) {
      return;
    }
    const now = performance.now();
    if (message.type === 'snapshot') {
      this.model.applySnapshot(message.seq, message.table, now);
      this.changed();
    } else if (message.type === 'tableNotice') {
      this.model.noticeAhead(message.event);
      this.changed();
    } else if (message.type === 'recentEvents') {
      this.listeners.onRecent?.(message.events, this.model); // already in the snapshot: told, not applied
    } else if (message.type === 'event') {
      const result = this.model.applyEvent(message.seq, message.event, now);
      if (result === Applied.GAP || result === Applied.NEEDS_SNAPSHOT) {
        if (!this.resyncing) {
          this.watch(false);
        }
        return;
      }
      if (result === Applied.APPLIED) {
        this.listeners.onEvent?.(message.event, message.seq, this.model);
        if (message.event.type === 'handVoided') {
          this.watch(true); // stacks went back to the seats: take them from a snapshot
        }
        this.changed();
      }
    }
  }

  // ---- this player's requests ----

  /** True when the action bar may be used: our turn, online, nothing sent for this turn yet. */
  get canAct() {
    return this.connection.online && this.model.myTurn !== null && this.pendingAct === null;
  }

  /** Sends a betting action for the current turn; {@code amount} (cents) only for BET and RAISE. */
  act(action, amount = null) {
    const turn = this.model.myTurn;
    if (!this.canAct || !turn) {
      return false;
    }
    const fields = { type: 'act', tableId: this.tableId, handId: this.model.handId, action };
    if (amount !== null) {
      fields.amount = toWire(amount);
    }
    const { requestId, reply } = this.connection.request(fields, Resend.MANUAL);
    this.pendingAct = { requestId, turnKey: turn.key, handId: this.model.handId };
    this.changed();
    reply.then(answer => {
      if (answer.type === 'error' && this.pendingAct?.requestId === requestId) {
        this.pendingAct = null;
        if (answer.code !== 'SUPERSEDED') {
          this.listeners.onError?.(answer.message ?? answer.code);
        }
      }
      this.changed();
    });
    return true;
  }

  /** {@code postBigBlind}: come in at once with a live big blind rather than wait for it (docs/room-rules.md). */
  sitDown(seat, cents, postBigBlind = false) {
    return this.send({ type: 'sitDown', tableId: this.tableId, seat, amount: toWire(cents),
      ...(postBigBlind ? { postBigBlind: true } : {}) });
  }

  topUp(cents) {
    return this.send({ type: 'topUp', tableId: this.tableId, amount: toWire(cents) });
  }

  sitOut() {
    return this.send({ type: 'sitOut', tableId: this.tableId });
  }

  /** Sitting out or waiting for the big blind: be dealt in again, at once with a post when {@code postBigBlind}. */
  sitIn(postBigBlind = false) {
    return this.send({ type: 'sitIn', tableId: this.tableId, ...(postBigBlind ? { postBigBlind: true } : {}) });
  }

  leave() {
    return this.send({ type: 'leave', tableId: this.tableId });
  }

  chat(text) {
    return this.send({ type: 'chat', tableId: this.tableId, text }, Resend.NEVER);
  }

  /** A request whose answer (done or error) the caller awaits; repeated with its id after a reconnect when safe. */
  send(fields, policy = Resend.ALWAYS) {
    return this.connection.request(fields, policy).reply;
  }

  // ---- internals ----

  settleLostAction(act) {
    if (this.pendingAct !== act || !this.connection.isPending(act.requestId)) {
      return;
    }
    const turn = this.model.myTurn;
    if (turn && turn.key === act.turnKey && this.model.handId === act.handId) {
      this.connection.resend(act.requestId); // the server never saw it: same turn, same requestId
    } else {
      this.connection.abandon(act.requestId, 'SUPERSEDED'); // the table moved on: it was carried out, or timed out
    }
  }

  /**
   * Sends a seed for the next deck once per commitment while seated. A seed that arrives after the hand started is
   * refused and changes nothing (that deck was already fixed); the next commitment gets a seed of its own.
   */
  seedNextDeck() {
    const commitment = this.model.nextDeckCommitment;
    if (this.model.mySeat < 0 || !commitment || this.sentSeeds.has(commitment) || !this.connection.online) {
      return;
    }
    const seed = randomSeed();
    this.sentSeeds.set(commitment, seed);
    if (this.sentSeeds.size > 20) {
      this.sentSeeds.delete(this.sentSeeds.keys().next().value);
    }
    this.connection.request({ type: 'setClientSeed', tableId: this.tableId, commitment, seed }, Resend.NEVER);
  }

  changed() {
    this.seedNextDeck();
    const act = this.pendingAct;
    if (act && !this.connection.isPending(act.requestId) && this.model.turn?.key !== act.turnKey) {
      this.pendingAct = null; // answered, and the table has moved past that turn
    }
    this.listeners.onChange?.(this);
  }
}

/** 128 random bits from the browser's CSPRNG, as 32 hex digits (the server takes 1 to 64 printable characters). */
function randomSeed() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
