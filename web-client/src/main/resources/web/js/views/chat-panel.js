// The dealer log and the table chat in one scrolling list, with a line to type in (spectators chat too). They are
// drawn again from the server's latest events whenever a snapshot comes (a reload, another tab or device, a gap too
// old to replay), and kept in the tab's sessionStorage for the lines older than those (as data, drawn again as text).
import { h } from '../dom.js';
import { fromWire } from '../money.js';
import { describe } from './hand-log.js';

const MAX_LINES = 300;
const MAX_CHAT = 200;

export class ChatPanel {
  constructor(onSend, tableId = null) {
    this.storageKey = tableId === null ? null : `chipledger.log.${tableId}`;
    this.kept = [];
    /** The newest event drawn: the server's latest events are drawn from the one after it. */
    this.lastSeq = -1;
    this.list = h('ol', { class: 'log', id: 'log', 'aria-live': 'polite' });
    /** Whether the list follows its newest line: until the reader scrolls up, and again once back at the bottom. */
    this.pinned = true;
    this.following = 0;
    this.saving = 0;
    this.list.addEventListener('scroll', () => {
      this.pinned = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 4;
    }, { passive: true });
    this.input = h('input', { id: 'chat-input', type: 'text', maxlength: String(MAX_CHAT), placeholder: 'Say something…', autocomplete: 'off', 'aria-label': 'chat message' });
    const form = h('form', { class: 'chat-form', id: 'chat-form' }, this.input, h('button', { type: 'submit', id: 'chat-send' }, 'Send'));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text) {
        return;
      }
      this.input.value = '';
      const answer = await onSend(text);
      if (answer.type === 'error') {
        this.note(`not sent: ${answer.message ?? answer.code}`);
      }
    });
    this.element = h('aside', { class: 'chat-panel', id: 'chat-panel' }, h('h2', {}, 'Table'), this.list, form);
    this.restore();
  }

  restore() {
    if (!this.storageKey) {
      return;
    }
    let lines = [];
    try {
      lines = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]');
    } catch (unreadable) {
      lines = [];
    }
    for (const line of Array.isArray(lines) ? lines : []) {
      this.draw(line);
    }
  }

  /** Draws a kept line: {kind: chat|dealer|note, seq, hand, type, player, text}; never as HTML. */
  draw(line) {
    this.lastSeq = Math.max(this.lastSeq, Number(line.seq ?? -1));
    if (line.kind === 'chat') {
      this.add(h('li', { class: 'chat', dataset: { seq: line.seq } }, h('b', {}, String(line.player)), ': ', String(line.text)), line);
    } else if (line.kind === 'dealer') {
      this.add(h('li', { class: `dealer ${line.type}`, dataset: { seq: line.seq, hand: line.hand ?? '', type: line.type, pot: line.pot ?? '' } },
          String(line.text)), line);
    }
  }

  /** Adds the line for an event just applied to the model, if the log shows it. */
  event(event, seq, model) {
    if (event.type === 'chatPosted') {
      this.draw({ kind: 'chat', seq, player: event.player, text: event.text });
      return;
    }
    const text = describe(event, model);
    if (text) {
      const hand = event.handId ?? model.handId ?? null;
      if (event.type === 'potAwarded') {
        this.forgetPot(hand, event.pot); // a second share of it: the pot's line says "split" with each share
      }
      this.draw({ kind: 'dealer', seq, hand, type: event.type, pot: event.pot ?? null, text });
    }
  }

  /**
   * Draws the table's latest events as the server sent them with a snapshot, those newer than any line shown. Each is
   * told as it read at the time: by the names seated then, and a split pot with that pot's shares.
   */
  retell(entries, model) {
    const fresh = entries.filter(entry => entry.seq > this.lastSeq);
    const seated = seatedThen(fresh, model);
    let handId = null;
    let awards = [];
    fresh.forEach((entry, i) => {
      const event = entry.event;
      if (event.type === 'handStarted') {
        handId = event.handId;
        awards = [];
      }
      const then = { handId, awards, seat: n => (seated[i].get(n) ? { player: seated[i].get(n) } : null) };
      if (event.type === 'potAwarded') {
        awards.push({ pot: event.pot, seat: event.seat, player: then.seat(event.seat)?.player ?? `seat ${event.seat + 1}`,
          amount: fromWire(event.amount), oddCent: event.oddCent });
      }
      this.event(event, entry.seq, then);
    });
  }

  /** Removes the line told for a pot of a hand, from the list and from what is kept. */
  forgetPot(hand, pot) {
    const same = line => line.type === 'potAwarded' && String(line.hand ?? '') === String(hand ?? '') && String(line.pot) === String(pot);
    for (const li of [...this.list.querySelectorAll('li.potAwarded')]) {
      if (same({ type: 'potAwarded', hand: li.dataset.hand, pot: li.dataset.pot })) {
        li.remove();
      }
    }
    this.kept = this.kept.filter(line => !same(line));
  }

  note(text) {
    this.add(h('li', { class: 'note' }, text));
  }

  add(line, kept = null) {
    this.list.append(line);
    while (this.list.children.length > MAX_LINES) {
      this.list.firstElementChild.remove();
    }
    if (kept && this.storageKey) {
      this.kept.push(kept);
      this.kept.splice(0, Math.max(0, this.kept.length - MAX_LINES));
      this.saveSoon();
    }
    this.followSoon();
  }

  /**
   * The list keeps its newest line in sight unless the reader scrolled up, seen to once a frame, not once a line:
   * reading the list's layout at every line forced the whole page's layout at every event, and a busy table (eight
   * bots, a hand a second) left a page too busy to answer a click on its buy-in dialog (FeltLayoutTest).
   */
  followSoon() {
    if (this.following) {
      return;
    }
    this.following = requestAnimationFrame(() => {
      this.following = 0;
      if (this.pinned) {
        this.list.scrollTop = this.list.scrollHeight;
      }
    });
  }

  /**
   * The tab's copy is written at most once a second, not at every line (up to 300 lines each time); the few lines
   * a reload may come before are drawn again from the server's latest events anyway.
   */
  saveSoon() {
    if (this.saving) {
      return;
    }
    this.saving = setTimeout(() => {
      this.saving = 0;
      try {
        sessionStorage.setItem(this.storageKey, JSON.stringify(this.kept));
      } catch (full) {
        // storage full or refused: the log still shows, it just will not survive a reload
      }
    }, 1000);
  }
}

/** For each of {@code entries}, who sat in each seat when it happened: worked back from the table now. */
function seatedThen(entries, model) {
  const names = new Map();
  for (let n = 0; n < (model.config?.seatCount ?? 0); n++) {
    names.set(n, model.seat(n)?.player ?? null);
  }
  const then = new Array(entries.length);
  for (let i = entries.length - 1; i >= 0; i--) {
    const event = entries[i].event;
    if (event.type === 'seatLeft') {
      names.set(event.seat, event.player);
    }
    then[i] = new Map(names);
    if (event.type === 'seatTaken') {
      names.set(event.seat, null);
    }
  }
  return then;
}
