// Cards as the wire names them ("As", "Td") drawn as small face-up or face-down cards.
import { h } from '../dom.js';

const SUITS = { s: '♠', h: '♥', d: '♦', c: '♣' };
const SUIT_NAMES = { s: 'spades', h: 'hearts', d: 'diamonds', c: 'clubs' };
const RANK_NAMES = { A: 'Ace', K: 'King', Q: 'Queen', J: 'Jack', T: 'Ten' };

/** "Ah" -> "A♥", "Td" -> "10♦". */
export function cardText(code) {
  const rank = code.slice(0, 1);
  return `${rank === 'T' ? '10' : rank}${SUITS[code.slice(1)] ?? '?'}`;
}

export function cardElement(code) {
  const rank = code.slice(0, 1);
  const suit = code.slice(1);
  return h('span', {
    class: `card suit-${suit}`,
    dataset: { card: code },
    title: `${RANK_NAMES[rank] ?? rank} of ${SUIT_NAMES[suit] ?? suit}`,
  }, h('span', { class: 'rank' }, rank === 'T' ? '10' : rank), h('span', { class: 'suit' }, SUITS[suit] ?? '?'));
}

export function cardBack() {
  return h('span', { class: 'card back', 'aria-label': 'face-down card' });
}

/** A row of cards; more than two (Omaha's four) overlap, so a seat's row stays as wide as its plate. */
export function cardsElement(codes, className = 'cards') {
  const many = (codes ?? []).length > 2 ? ' many' : '';
  return h('span', { class: className + many }, (codes ?? []).map(cardElement));
}
