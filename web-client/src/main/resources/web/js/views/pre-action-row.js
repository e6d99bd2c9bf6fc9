// The pre-action buttons shown while it is not the player's turn: Check/Fold, Check and Call any when no one has bet;
// Fold, Call N and Call any when there is a bet to call. One may be chosen at a time (a second click takes it back);
// the choice is dropped when the situation changes under it (see pre-action.js), and carried out when the turn comes.
import { h, replaceChildren } from '../dom.js';
import { amountsOf } from '../money.js';
import { PreAction, actionFor, canPreAct, choose, situationOf, stands } from '../state/pre-action.js';

export class PreActionRow {
  constructor() {
    this.choice = null;
    this.drawn = null;
    this.element = h('div', { class: 'pre-actions', id: 'pre-actions', role: 'group', 'aria-label': 'before your turn', hidden: true });
  }

  /**
   * Follows the table: drops a choice the situation no longer allows, and when this player's turn has just begun
   * returns what the standing choice sends (CHECK, CALL or FOLD), or null. Redraws the buttons.
   */
  update(model, turnBegan, legal) {
    const now = situationOf(model);
    if (this.choice && !stands(this.choice, now)) {
      this.choice = null;
    }
    let send = null;
    if (turnBegan && this.choice) {
      send = actionFor(this.choice, legal);
      this.choice = null;
    }
    this.draw(model, now);
    return send;
  }

  draw(model, now) {
    const shown = canPreAct(model);
    const key = `${shown}|${now.handId}|${now.street}|${now.toCall}|${this.choice?.kind ?? ''}`;
    if (key === this.drawn) {
      return;
    }
    this.drawn = key;
    this.element.hidden = !shown;
    if (!shown) {
      replaceChildren(this.element);
      return;
    }
    const facingBet = now.toCall > 0n;
    const options = facingBet
      ? [[PreAction.CHECK_FOLD, 'Fold'], [PreAction.CALL, `Call ${amountsOf(model.config).format(now.toCall)}`], [PreAction.CALL_ANY, 'Call any']]
      : [[PreAction.CHECK_FOLD, 'Check/Fold'], [PreAction.CHECK, 'Check'], [PreAction.CALL_ANY, 'Call any']];
    replaceChildren(this.element, ...options.map(([kind, label]) => h('button', {
      type: 'button', class: 'pre', id: `pre-${kind}`, 'aria-pressed': String(this.choice?.kind === kind),
      dataset: { kind }, onclick: () => this.toggle(kind, model),
    }, label)));
  }

  toggle(kind, model) {
    this.choice = this.choice?.kind === kind ? null : choose(kind, situationOf(model));
    this.drawn = null;
    this.draw(model, situationOf(model));
  }
}
