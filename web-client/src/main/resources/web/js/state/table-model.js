// One table as this page knows it, built from a snapshot and then kept up to date event by event, in seq order.
// Pure: no DOM, no socket, no clock (the caller passes the time), so the page and the tests drive it the same way.
import { fromWire, fromWireOrNull, sum, max } from '../money.js';

/** Where an event stands against what the model already has. */
export const Applied = Object.freeze({ APPLIED: 'applied', DUPLICATE: 'duplicate', GAP: 'gap', NEEDS_SNAPSHOT: 'needsSnapshot' });

const FORCED_INTO_POT = new Set(['ANTE', 'BIG_BLIND_ANTE']);

export class TableModel {
  constructor(tableId, me) {
    this.tableId = tableId;
    /** The name of the player using this page. */
    this.me = me;
    /** The seq of the last event applied, or null before the first snapshot. */
    this.seq = null;
    this.config = null;
    this.seats = new Map();
    this.handId = null;
    this.button = -1;
    this.board = [];
    this.pots = [];
    /** Chips gathered into the pots (everything but this street's bets). */
    this.collected = 0n;
    this.turn = null;
    /** The hand shown at the end: its awards stay visible while the next hand is dealt. */
    this.lastHand = null;
    this.awards = [];
    /** An operator's or the server's word on the table ({kind, text}: paused, closing, removed), or null. */
    this.notice = null;
    /** What the table's next deck is committed to; a seated player's client seed is sent against it. */
    this.nextDeckCommitment = null;
  }

  get ready() {
    return this.seq !== null && this.config !== null;
  }

  /** The seat number of the viewer, or -1 when they watch. */
  get mySeat() {
    for (const seat of this.seats.values()) {
      if (seat.player === this.me) {
        return seat.seat;
      }
    }
    return -1;
  }

  seat(number) {
    return this.seats.get(number) ?? null;
  }

  /** Every chip in the middle: the pots plus this street's bets. */
  get potTotal() {
    return this.collected + sum([...this.seats.values()].map(s => s.bet));
  }

  /** Pot-limit: the largest bet or raise the server offers is the pot limit, not the stack. */
  get potLimit() {
    return this.config?.game === 'PLO';
  }

  /** Hole cards each player is dealt: four in Omaha, two in hold'em. */
  get holeCardCount() {
    return this.potLimit ? 4 : 2;
  }

  get highestBet() {
    return [...this.seats.values()].reduce((high, s) => max(high, s.bet), 0n);
  }

  /** The turn waiting for this viewer's decision, with the legal actions, or null. */
  get myTurn() {
    const turn = this.turn;
    return turn && turn.legal && this.handId !== null && turn.seat === this.mySeat ? turn : null;
  }

  /** Replaces everything with the server's view as of {@code seq}. */
  applySnapshot(seq, view, now = 0) {
    this.seq = seq;
    this.config = {
      name: view.name,
      smallBlind: fromWire(view.smallBlind),
      bigBlind: fromWire(view.bigBlind),
      minBuyIn: fromWire(view.minBuyIn),
      maxBuyIn: fromWire(view.maxBuyIn),
      seatCount: view.seatCount,
      // NLHE or PLO: how many hole cards, and whether the largest bet is the stack or the pot
      game: view.game ?? 'NLHE',
      // a sit-and-go's table: amounts are whole tournament chips (one cent each on the wire), not money
      tournamentChips: view.tournamentChips === true,
    };
    const handRunning = view.handId !== null && view.handId !== undefined;
    this.handId = handRunning ? view.handId : null;
    this.button = view.button;
    this.board = [...(view.board ?? [])];
    this.pots = (view.pots ?? []).map(potOf);
    this.collected = sum(this.pots.map(p => p.amount));
    this.awards = [];
    this.seats = new Map();
    for (const s of view.seats ?? []) {
      const status = s.status;
      const inHand = handRunning && ['ACTIVE', 'FOLDED', 'ALL_IN'].includes(status);
      this.seats.set(s.seat, {
        ...emptySeat(s.seat, s.player, fromWire(s.stack)),
        bet: fromWire(s.bet),
        inHand,
        folded: status === 'FOLDED',
        allIn: status === 'ALL_IN',
        sittingOut: status === 'SITTING_OUT',
        busted: status === 'BUSTED',
        connected: status !== 'DISCONNECTED',
        cards: s.holeCards ? [...s.holeCards] : null,
        hasCards: inHand && status !== 'FOLDED',
      });
    }
    // A snapshot does not say which event started the turn, so a pending action can never be matched to it.
    this.turn = view.toAct ? turnOf(view.toAct, `snapshot-${seq}`, now) : null;
    this.nextDeckCommitment = view.nextDeckCommitment ?? null;
    return Applied.APPLIED;
  }

  /** The server closed the connection and said why (an operator froze the account, the session ended). */
  closedByServer(reason) {
    this.notice = { kind: 'closed', text: `The server closed the connection: ${reason}` };
  }

  /** The welcome said an operator froze the account (the player may have been away when it happened). */
  frozenByOperator(told) {
    this.notice = { kind: 'frozen', text: `You cannot play for now: ${told}.` };
  }

  /**
   * A table event told ahead of the numbered ones (a {@code tableNotice}: the database is unavailable while the table
   * itself waits for a commit). Shown as the numbered event would be; the sequence stays where it is, and the numbered
   * event follows in its turn.
   */
  noticeAhead(event) {
    if (event.type === 'tablePaused') {
      HANDLERS.tablePaused(this, event);
    }
  }

  /** Applies one event if it is the next in sequence; says when events are missing. */
  applyEvent(seq, event, now = 0) {
    if (this.seq === null) {
      return Applied.NEEDS_SNAPSHOT;
    }
    if (seq <= this.seq) {
      return Applied.DUPLICATE;
    }
    if (seq !== this.seq + 1) {
      return Applied.GAP;
    }
    const apply = HANDLERS[event.type];
    if (apply) {
      apply(this, event, seq, now);
    }
    this.seq = seq;
    return Applied.APPLIED;
  }

  gatherBets() {
    for (const seat of this.seats.values()) {
      this.collected += seat.bet;
      seat.bet = 0n;
    }
  }
}

function emptySeat(number, player, stack) {
  return {
    seat: number, player, stack, bet: 0n, inHand: false, folded: false, allIn: false, sittingOut: false, busted: false,
    rebuyUntil: null, connected: true, cards: null, hasCards: false, shown: null, lastAction: null,
  };
}

function potOf(pot) {
  return { amount: fromWire(pot.amount), eligibleSeats: [...(pot.eligibleSeats ?? [])] };
}

function turnOf(turn, key, now) {
  const legal = turn.legal ? {
    canCheck: turn.legal.canCheck,
    call: fromWireOrNull(turn.legal.call),
    minRaiseTo: fromWireOrNull(turn.legal.minRaiseTo),
    maxRaiseTo: fromWireOrNull(turn.legal.maxRaiseTo),
  } : null;
  return { seat: turn.seat, millisLeft: turn.millisLeft, timeBankMillis: turn.timeBankMillis, legal, key, receivedAt: now };
}

/** A seat the event names but the model does not know: only after a bug, but never worth crashing the page. */
function seatFor(model, number) {
  let seat = model.seats.get(number);
  if (!seat) {
    seat = emptySeat(number, `seat ${number + 1}`, 0n);
    model.seats.set(number, seat);
  }
  return seat;
}

const HANDLERS = {
  seatTaken(m, e) {
    m.seats.set(e.seat, emptySeat(e.seat, e.player, fromWire(e.stack)));
  },
  toppedUp(m, e) {
    Object.assign(seatFor(m, e.seat), { stack: fromWire(e.stack), busted: false, rebuyUntil: null });
  },
  rebuyOffered(m, e, seq, now) {
    Object.assign(seatFor(m, e.seat), { busted: true, rebuyUntil: now + e.millisLeft });
  },
  satOut(m, e) {
    seatFor(m, e.seat).sittingOut = true;
  },
  satIn(m, e) {
    seatFor(m, e.seat).sittingOut = false;
  },
  seatLeft(m, e) {
    m.seats.delete(e.seat);
  },
  handStarted(m, e) {
    m.handId = e.handId;
    // The hand's own blinds: a sit-and-go's rise by level, away from the table's first ones.
    if (e.smallBlind !== undefined && e.bigBlind !== undefined) {
      m.config = { ...m.config, smallBlind: fromWire(e.smallBlind), bigBlind: fromWire(e.bigBlind) };
    }
    m.nextDeckCommitment = e.nextDeckCommitment ?? null;
    m.button = e.button;
    m.board = [];
    m.pots = [];
    m.collected = 0n;
    m.turn = null;
    m.awards = [];
    for (const seat of m.seats.values()) {
      Object.assign(seat, {
        bet: 0n, inHand: e.seatsDealtIn.includes(seat.seat), folded: false, allIn: false, cards: null,
        hasCards: false, shown: null, lastAction: null,
      });
    }
  },
  blindPosted(m, e) {
    const seat = seatFor(m, e.seat);
    const amount = fromWire(e.amount);
    if (FORCED_INTO_POT.has(e.kind)) {
      m.collected += amount;
    } else {
      seat.bet += amount;
    }
    seat.stack = fromWire(e.stack);
    seat.allIn = seat.stack === 0n;
  },
  holeCardsDealt(m, e) {
    const seat = seatFor(m, e.seat);
    seat.hasCards = true;
    seat.cards = e.cards ? [...e.cards] : null;
  },
  turnStarted(m, e, seq, now) {
    m.turn = turnOf(e.turn, seq, now);
  },
  playerActed(m, e) {
    const seat = seatFor(m, e.seat);
    seat.bet = fromWire(e.streetTotal);
    seat.stack = fromWire(e.stack);
    seat.allIn = e.allIn;
    seat.lastAction = { action: e.action, amount: fromWire(e.amount), streetTotal: seat.bet, timedOut: e.timedOut };
    if (e.action === 'FOLD') {
      seat.folded = true;
      seat.hasCards = false;
    }
    if (m.turn && m.turn.seat === e.seat) {
      m.turn = null;
    }
  },
  uncalledBetReturned(m, e) {
    const seat = seatFor(m, e.seat);
    seat.bet -= fromWire(e.amount);
    seat.stack = fromWire(e.stack);
  },
  streetDealt(m, e) {
    m.board = [...e.board];
    m.pots = (e.pots ?? []).map(potOf);
    m.collected = sum(m.pots.map(p => p.amount));
    m.turn = null;
    for (const seat of m.seats.values()) {
      seat.bet = 0n;
      seat.lastAction = null;
    }
  },
  cardsShown(m, e) {
    m.gatherBets();
    const seat = seatFor(m, e.seat);
    seat.shown = { cards: [...e.cards], handName: e.handName ?? null };
    m.turn = null;
  },
  potAwarded(m, e) {
    m.gatherBets();
    const amount = fromWire(e.amount);
    const seat = seatFor(m, e.seat);
    seat.stack = fromWire(e.stack);
    m.collected -= amount;
    m.awards.push({ pot: e.pot, seat: e.seat, player: seat.player, amount, oddCent: e.oddCent, handName: e.handName ?? null });
    m.turn = null;
  },
  rakeTaken(m, e) {
    m.gatherBets();
    m.collected -= fromWire(e.amount);
  },
  handEnded(m, e) {
    m.lastHand = { handId: e.handId, awards: m.awards, board: [...m.board] };
    m.handId = null;
    m.turn = null;
    m.pots = [];
    m.collected = 0n;
    for (const seat of m.seats.values()) {
      seat.bet = 0n;
      seat.inHand = false;
      seat.allIn = false;
    }
  },
  handVoided(m) {
    // Every chip went back to its seat; the stacks come with the snapshot the controller asks for next.
    m.handId = null;
    m.turn = null;
    m.pots = [];
    m.collected = 0n;
    for (const seat of m.seats.values()) {
      seat.bet = 0n;
      seat.inHand = false;
    }
  },
  connectionChanged(m, e) {
    seatFor(m, e.seat).connected = e.connected;
  },
  tablePaused(m, e) {
    m.notice = { kind: 'paused', text: `Dealing is paused: ${e.reason}` };
  },
  tableResumed(m) {
    m.notice = m.notice?.kind === 'paused' ? null : m.notice;
  },
  tableClosing(m, e) {
    m.notice = { kind: 'closing', text: `This table is closing: ${e.reason}. Your chips go back to your wallet after the hand.` };
  },
  playerRemoved(m, e) {
    if (e.player === m.me) {
      const minutes = Math.max(1, Math.ceil(e.barredMillis / 60000));
      m.notice = { kind: 'removed', text: `An operator removed you from this table: ${e.reason}. You may sit here again in ${minutes} min.` };
    }
  },
  chatPosted() {
    // Chat changes no table state; the controller hands it to the chat view.
  },
};
