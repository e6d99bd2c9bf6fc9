// Hands: search and replay. Built on the hand-history store when it lands on the main branch (see README); until
// then this page says so rather than showing half a history.
import { h } from '../dom.js';

export async function render(view) {
  view.replaceChildren(h('h2', {}, 'Hands'),
    h('p', { class: 'muted', id: 'hands-unavailable' }, 'Hand histories are not available in this build yet: the '
      + 'append-only hand-history store is being added separately. Each hand\'s chip movements are in the ledger '
      + '(a player\'s wallet history names the hand of each buy-in and cash-out).'));
}
