// The action bar: fold, check, call (with the amount), bet or raise with a slider, a typed amount, +/- a big blind and
// the street's presets (bet-sizing.js), the amount also in big blinds; before the turn, pre-actions (pre-action-row.js).
// Only what is legal now is enabled, the legal range is shown, and a typed amount is checked in the page (at most two
// decimals, within the range) before anything is sent. Fold stays available when checking is free, as in the rooms
// players know, but asks first (Fold anyway, or Check). Keys: F fold, C check/call, R bet/raise, H half pot, P pot,
// A all-in, + and - a big blind (the presets and steps only fill the amount). At a pot-limit table (Omaha) the most the
// server offers is the pot: the Pot preset and the slider's top are exactly that limit, and there is no all-in beyond it.
import { h } from '../dom.js';
import { MONEY, amountsOf, clamp } from '../money.js';
import { PreActionRow } from './pre-action-row.js';
import { bringOnScreen } from './on-screen.js';
import { inBigBlinds, sizingPresets, sizingSettings, step } from '../state/bet-sizing.js';

const SLIDER_STEPS = 1000n;

/**
 * The raise-to totals of the presets, each within the legal range. At a pot-limit table the pot is the server's own
 * limit, the largest amount it offers, never a figure worked out here.
 */
export function presets(model, legal) {
  const highest = model.highestBet;
  const mine = model.seat(model.mySeat)?.bet ?? 0n;
  const toCall = highest - mine;
  const pot = model.potTotal;
  const low = legal.minRaiseTo;
  const high = legal.maxRaiseTo;
  return {
    half: clamp(highest + (pot + toCall) / 2n, low, high),
    pot: model.potLimit ? high : clamp(highest + pot + toCall, low, high),
    allIn: high,
  };
}

/** What the top of the legal range is: all-in, or (pot-limit, with chips left behind) the pot. */
export function limitWord(model, cents) {
  const me = model.seat(model.mySeat);
  const allInTo = (me?.bet ?? 0n) + (me?.stack ?? 0n);
  return model.potLimit && cents < allInTo ? 'the pot limit' : 'all-in';
}

/** The keys line: at a pot-limit table A fills in the most allowed, which is the pot, not an all-in. */
function keysHint(potLimit) {
  return `Keys: F fold · C check/call · R bet/raise · H ½ pot · + / − one big blind · P pot · A ${potLimit ? 'the most allowed' : 'all-in'}`;
}

/**
 * Checks a typed raise-to amount against the legal range: {cents} or {error}. {@code amounts} reads and writes it:
 * money, or whole chips at a sit-and-go's table.
 */
export function checkRaise(text, legal, isBet, maxWord = 'all-in', amounts = MONEY) {
  const { format } = amounts;
  const read = amounts.read(text);
  if (read.error) {
    return read;
  }
  const word = isBet ? 'a bet' : 'a raise';
  if (read.cents < legal.minRaiseTo) {
    return { error: `${word} must be to at least ${format(legal.minRaiseTo)}` };
  }
  if (read.cents > legal.maxRaiseTo) {
    return { error: `${word} can be to at most ${format(legal.maxRaiseTo)} (${maxWord})` };
  }
  return read;
}

export class ActionBar {
  constructor() {
    this.controller = null;
    this.turnKey = null;
    this.shownTurnKey = null;
    this.fold = h('button', { id: 'act-fold', type: 'button', class: 'act fold', onclick: () => this.play('FOLD') }, 'Fold');
    this.check = h('button', { id: 'act-check', type: 'button', class: 'act check', onclick: () => this.play('CHECK') }, 'Check');
    this.call = h('button', { id: 'act-call', type: 'button', class: 'act call', onclick: () => this.play('CALL') }, 'Call');
    // Folding when checking is free gives up a hand that costs nothing to keep: asked once more, in the bar itself.
    this.foldConfirm = h('div', { class: 'fold-confirm', id: 'fold-confirm', role: 'alertdialog', 'aria-label': 'fold when checking is free', hidden: true },
        h('span', { class: 'fold-question' }, 'Checking is free. Fold anyway?'),
        h('button', { id: 'fold-anyway', type: 'button', class: 'act fold', onclick: () => this.foldAnyway() }, 'Fold'),
        h('button', { id: 'fold-check', type: 'button', class: 'act check', onclick: () => this.play('CHECK') }, 'Check'));
    this.buttons = h('div', { class: 'buttons' }, this.fold, this.check, this.call);
    /** The turn whose fold is waiting to be confirmed, or null. */
    this.foldAskedFor = null;
    this.raise = h('button', { id: 'act-raise', type: 'button', class: 'act raise', onclick: () => this.raiseNow() }, 'Raise');
    this.amount = h('input', {
      id: 'raise-amount', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-label': 'bet or raise to', oninput: () => this.typed(),
      onkeydown: e => { if (e.key === 'Enter') { e.preventDefault(); this.raiseNow(); } },
    });
    this.slider = h('input', {
      id: 'raise-slider', type: 'range', min: '0', max: String(SLIDER_STEPS), step: '1', value: '0',
      'aria-label': 'bet size', oninput: () => this.slid(),
    });
    // The presets of the turn (sizingPresets: multiples of the big blind preflop, fractions of the pot after), and
    // steps of one big blind either way.
    this.presetRow = h('div', { class: 'presets', id: 'presets' });
    this.presetAmounts = new Map();
    this.minus = h('button', { id: 'raise-minus', type: 'button', class: 'step', 'aria-label': 'one big blind less', onclick: () => this.step(-1) }, '−');
    this.plus = h('button', { id: 'raise-plus', type: 'button', class: 'step', 'aria-label': 'one big blind more', onclick: () => this.step(1) }, '+');
    this.inBB = h('span', { class: 'amount-bb', id: 'amount-bb' });
    this.range = h('div', { class: 'legal-range', id: 'legal-range' });
    this.error = h('div', { class: 'amount-error', id: 'amount-error', role: 'alert' });
    this.status = h('div', { class: 'action-status', id: 'action-status' });
    this.preActions = new PreActionRow();
    this.preTurnKey = null;
    this.element = h('div', { class: 'action-bar', id: 'action-bar' },
        this.status,
        this.preActions.element,
        this.buttons,
        this.foldConfirm,
        h('div', { class: 'sizing' },
            this.presetRow,
            this.slider,
            h('div', { class: 'raise-row' }, this.minus, this.amount, this.plus, this.raise),
            h('div', { class: 'range-row' }, this.range, this.inBB), this.error),
        this.keys = h('div', { class: 'keys', 'aria-hidden': 'true' }, keysHint(false)));
    this.onKey = e => this.key(e);
    document.addEventListener('keydown', this.onKey);
  }

  destroy() {
    document.removeEventListener('keydown', this.onKey);
  }

  /** Shows the controller's current state: enabled only on our turn, with nothing sent for it yet. */
  update(controller) {
    this.controller = controller;
    const model = controller.model;
    const turn = model.myTurn;
    const seated = model.mySeat >= 0;
    this.element.hidden = !seated;
    const live = controller.canAct;
    const legal = turn?.legal;
    const turnBegan = live && turn.key !== this.preTurnKey;
    if (turnBegan) {
      this.preTurnKey = turn.key;
    }
    const preAction = this.preActions.update(model, turnBegan, legal);
    if (preAction && controller.act(preAction)) {
      return; // sent: the bar is drawn again as the controller reports the change
    }
    this.element.dataset.state = live ? 'my-turn' : turn && controller.pendingAct ? 'sent' : 'waiting';
    this.element.dataset.turn = turn ? String(turn.key) : '';
    if (turn && turn.key !== this.turnKey) {
      this.turnKey = turn.key;
      this.error.textContent = '';
      this.drawPresets(model, legal);
      if (legal.minRaiseTo !== null) {
        this.setAmount(legal.minRaiseTo);
      } else {
        this.amount.value = '';
      }
    }
    const canRaise = live && legal.minRaiseTo !== null;
    this.fold.disabled = !live;
    const asking = live && legal.canCheck && this.foldAskedFor === turn.key;
    this.foldConfirm.hidden = !asking;
    this.buttons.hidden = asking;
    this.check.disabled = !live || !legal.canCheck;
    this.call.disabled = !live || legal.call === null;
    const myStack = model.seat(model.mySeat)?.stack ?? 0n;
    const { format } = amountsOf(model.config);
    this.call.textContent = legal && legal.call !== null
      ? `Call ${format(legal.call)}${legal.call >= myStack ? ' (all-in)' : ''}` : 'Call';
    this.call.dataset.cents = legal && legal.call !== null ? legal.call.toString() : '';
    for (const control of [this.amount, this.slider, this.minus, this.plus, ...this.presetRow.children]) {
      control.disabled = !canRaise;
    }
    this.keys.textContent = keysHint(model.potLimit);
    this.element.dataset.game = model.potLimit ? 'pot-limit' : 'no-limit';
    this.range.textContent = canRaise
      ? `${this.isBet ? 'Bet' : 'Raise to'} ${format(legal.minRaiseTo)} – ${format(legal.maxRaiseTo)}` : '';
    this.status.textContent = live ? 'Your turn'
      : turn && controller.pendingAct ? 'Sent — waiting for the table'
      : !controller.connection.online && seated ? 'Reconnecting…' : '';
    this.typed();
    if (live && turn.key !== this.shownTurnKey) {
      this.shownTurnKey = turn.key;
      this.bringIntoView();
    }
  }

  /**
   * A turn has begun: what the player needs to act (the board, their cards, this bar and the table buttons under it)
   * is brought on screen if it is not (a phone, a small window, a page scrolled down to the chat), once a turn, so the
   * clock does not run down unseen. When all of it cannot fit below the sticky top bar, the bar and the cards come
   * first: the region's bottom is put at the window's bottom.
   */
  bringIntoView() {
    bringOnScreen([document.getElementById('board'), document.querySelector('.seat.mine .seat-cards'), this.element,
      document.querySelector('.table-tools')]);
  }

  get isBet() {
    return this.controller.model.highestBet === 0n;
  }

  get legal() {
    return this.controller?.canAct ? this.controller.model.myTurn.legal : null;
  }

  /** Re-checks the typed amount: the raise button is enabled only for a legal one. */
  typed() {
    const legal = this.legal;
    if (!legal || legal.minRaiseTo === null) {
      this.raise.disabled = true;
      this.raise.textContent = 'Raise';
      this.error.textContent = '';
      this.inBB.textContent = '';
      return null;
    }
    const model = this.controller.model;
    const amounts = amountsOf(model.config);
    const checked = checkRaise(this.amount.value, legal, this.isBet, limitWord(model, legal.maxRaiseTo), amounts);
    this.inBB.textContent = checked.error ? '' : `= ${inBigBlinds(checked.cents, model.config.bigBlind)}`;
    this.raise.disabled = Boolean(checked.error);
    this.error.textContent = checked.error ?? '';
    this.amount.setAttribute('aria-invalid', String(Boolean(checked.error)));
    const word = this.isBet ? 'Bet' : 'Raise to';
    const top = checked.cents === legal.maxRaiseTo ? ` (${limitWord(model, checked.cents) === 'all-in' ? 'all-in' : 'pot'})` : '';
    this.raise.textContent = checked.error ? word : `${word} ${amounts.format(checked.cents)}${top}`;
    if (!checked.error) {
      this.positionSlider(checked.cents, legal);
    }
    return checked;
  }

  slid() {
    const legal = this.legal;
    if (!legal || legal.minRaiseTo === null) {
      return;
    }
    const span = legal.maxRaiseTo - legal.minRaiseTo;
    const cents = legal.minRaiseTo + (span * BigInt(this.slider.value)) / SLIDER_STEPS;
    this.amount.value = this.amounts.text(cents);
    this.typed();
  }

  positionSlider(cents, legal) {
    const span = legal.maxRaiseTo - legal.minRaiseTo;
    this.slider.value = span > 0n ? String(((cents - legal.minRaiseTo) * SLIDER_STEPS) / span) : String(SLIDER_STEPS);
  }

  /** Money, or whole chips at a sit-and-go's table. */
  get amounts() {
    return amountsOf(this.controller?.model.config);
  }

  setAmount(cents) {
    this.amount.value = this.amounts.text(cents);
    this.typed();
  }

  /** The presets of a new turn, as buttons; none when the player cannot bet or raise. */
  drawPresets(model, legal) {
    let list = legal.minRaiseTo === null ? [] : sizingPresets(model, legal, sizingSettings());
    if (model.potLimit && list.length > 0) {
      // Pot-limit: nothing is bigger than the pot, so no all-in button; Pot is the server's own limit, on every street.
      list = [...list.filter(p => p.id !== 'allin' && p.id !== 'pot' && p.cents < legal.maxRaiseTo),
        { id: 'pot', label: 'Pot', cents: legal.maxRaiseTo }];
    }
    this.presetAmounts = new Map(list.map(p => [p.id, p.cents]));
    this.presetRow.replaceChildren(...list.map(p => h('button', {
      id: `preset-${p.id}`, type: 'button', class: 'preset', dataset: { cents: p.cents.toString() },
      title: inBigBlinds(p.cents, model.config.bigBlind), onclick: () => this.preset(p.id),
    }, p.label)));
  }

  preset(id) {
    const legal = this.legal;
    const cents = this.presetAmounts.get(id);
    if (legal && legal.minRaiseTo !== null && cents !== undefined) {
      this.setAmount(cents);
    }
  }

  /** One big blind more or less than the amount typed (or the minimum, when what is typed is not an amount). */
  step(direction) {
    const legal = this.legal;
    if (!legal || legal.minRaiseTo === null) {
      return;
    }
    const read = this.amounts.read(this.amount.value);
    const from = read.error ? legal.minRaiseTo : read.cents;
    this.setAmount(step(from, direction, legal, this.controller.model.config.bigBlind));
  }

  play(action) {
    const legal = this.legal;
    if (!legal) {
      return;
    }
    if ((action === 'CHECK' && !legal.canCheck) || (action === 'CALL' && legal.call === null)) {
      return;
    }
    const turn = this.controller.model.myTurn;
    if (action === 'FOLD' && legal.canCheck && this.foldAskedFor !== turn.key) {
      this.foldAskedFor = turn.key; // asked, not sent: Fold anyway or Check answers it
      this.update(this.controller);
      document.getElementById('fold-anyway')?.focus();
      return;
    }
    this.foldAskedFor = null;
    this.controller.act(action);
  }

  /** The player confirmed folding though checking was free. */
  foldAnyway() {
    const turn = this.controller?.model.myTurn;
    if (this.legal && turn && this.foldAskedFor === turn.key) {
      this.foldAskedFor = null;
      this.controller.act('FOLD');
    }
  }

  cancelFold() {
    if (this.foldAskedFor !== null) {
      this.foldAskedFor = null;
      this.update(this.controller);
    }
  }

  raiseNow() {
    const legal = this.legal;
    if (!legal || legal.minRaiseTo === null) {
      return;
    }
    const checked = this.typed();
    if (checked && !checked.error) {
      this.controller.act(this.isBet ? 'BET' : 'RAISE', checked.cents);
    }
  }

  key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || this.element.hidden) {
      return;
    }
    const target = e.target;
    if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
      return;
    }
    const legal = this.legal;
    if (!legal) {
      return;
    }
    const handled = {
      f: () => (this.foldConfirm.hidden ? this.play('FOLD') : this.foldAnyway()),
      escape: () => this.cancelFold(),
      c: () => this.play(legal.canCheck ? 'CHECK' : 'CALL'),
      r: () => this.raiseNow(),
      b: () => this.raiseNow(),
      h: () => this.preset('half'),
      p: () => this.preset('pot'),
      a: () => this.preset(this.presetAmounts.has('allin') ? 'allin' : 'pot'), // pot-limit: the most allowed is the pot
      '+': () => this.step(1),
      '-': () => this.step(-1),
    }[e.key.toLowerCase()];
    if (handled) {
      e.preventDefault();
      handled();
    }
  }
}
