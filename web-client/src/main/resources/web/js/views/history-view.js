// The player's own hand histories (GET /api/hands, newest first, a page at a time back through all of them) with their
// cards' suits and their results coloured, a step-by-step replayer (hand-replayer.js), downloads in three formats, and
// a check of each hand's deck in the browser (fair-deck.js). The endpoint's fields are read defensively (several likely
// names for each); a server without the endpoint (404) gets a short note instead.
import { h, replaceChildren } from '../dom.js';
import * as fairDeck from '../fair-deck.js';
import { format, readAmount } from '../money.js';
import * as api from '../api.js';
import { cardText } from './cards.js';
import { openReplayer } from './hand-replayer.js';

const PAGE = 50;
const FORMATS = [['pokerstars', 'PokerStars'], ['phh', 'PHH'], ['json', 'JSON']];

function first(object, ...names) {
  for (const name of names) {
    const value = object?.[name];
    if (value !== undefined && value !== null && value !== '') {
      return value;
    }
  }
  return null;
}

/** The list of hands in whatever envelope the endpoint uses. */
export function handsOf(answer) {
  const list = Array.isArray(answer) ? answer : first(answer, 'hands', 'items', 'results', 'data');
  return Array.isArray(list) ? list.filter(item => item && typeof item === 'object') : [];
}

/** One hand reduced to what the list shows; every field may be missing. */
export function handRow(hand) {
  const table = first(hand, 'tableName', 'table', 'tableId', 'table_id');
  return {
    id: first(hand, 'handId', 'id', 'hand', 'hand_id'),
    table: table !== null && typeof table === 'object' ? first(table, 'name', 'id') : table,
    when: first(hand, 'endedAt', 'startedAt', 'ended_at', 'started_at', 'playedAt', 'time', 'at', 'date'),
    result: signedMoney(first(hand, 'net', 'result', 'won', 'profit', 'delta', 'amount')),
    cards: cardsOf(first(hand, 'holeCards', 'hole_cards', 'cards')),
    stakes: first(hand, 'stakes', 'blinds'),
  };
}

/** A signed amount as text ("-1.50" -> "-1.50", "12.5" -> "+12.50"); text that is not money is shown as it is. */
export function signedMoney(value) {
  if (value === null || typeof value === 'object') {
    return null;
  }
  const text = String(value).trim();
  const sign = text.startsWith('-') ? '-' : '+';
  const read = readAmount(text.replace(/^[+-]/, ''));
  if (read.error) {
    return text;
  }
  return read.cents === 0n ? format(0n) : `${sign}${format(read.cents)}`;
}

function cardsOf(value) {
  if (Array.isArray(value)) {
    return value.filter(c => typeof c === 'string' && /^[2-9TJQKA][shdc]$/.test(c));
  }
  return typeof value === 'string' ? value : null;
}

/** Cards as text in their suit's colour ("A♠ K♦"), or text that is not cards as it is. */
function cardsCell(cards) {
  if (!Array.isArray(cards)) {
    return cards ?? '';
  }
  return cards.flatMap((card, i) => [i > 0 ? ' ' : '', h('span', { class: `card-text suit-${card.slice(1)}` }, cardText(card))]);
}

/** "won", "lost" or "even", for the result's colour. */
function outcome(result) {
  if (result === null || !/^[+-]?\d/.test(result)) {
    return '';
  }
  return result.startsWith('-') ? 'lost' : /^[+]?0\.00$/.test(result) ? 'even' : 'won';
}

function when(value) {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function mountHistoryView(app) {
  const body = h('div', { class: 'history-body', id: 'history-body' }, h('p', {}, 'Loading your hands…'));
  const element = h('section', { class: 'history', id: 'history' }, h('h1', {}, 'My hands'), body);
  // cursors[n]: the hand page n starts before (null: the newest); found as the pages are read.
  const cursors = [null];
  let page = 0;

  async function load(wanted) {
    const to = new Date(Date.now() + 24 * 3600 * 1000);
    try {
      const answer = await api.hands(app.token(), '1970-01-01', to.toISOString(), { before: cursors[wanted], limit: PAGE });
      const hands = handsOf(answer).map(handRow).filter(row => row.id !== null);
      if (!hands.length && wanted === 0) {
        replaceChildren(body, h('p', { id: 'history-empty' }, 'You have not played a hand yet.'));
        return;
      }
      page = wanted;
      const next = first(answer, 'nextBefore');
      cursors[page + 1] = next;
      const total = first(answer, 'total');
      const from = page * PAGE + 1;
      replaceChildren(body,
          pager(from, from + hands.length - 1, total, next !== null),
          h('table', { class: 'history-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Hand'), h('th', {}, 'Table'), h('th', {}, 'When'),
                h('th', {}, 'Cards'), h('th', {}, 'Result'), h('th', {}, 'Replay'), h('th', {}, 'Download'), h('th', {}, 'Fair deck'))),
            h('tbody', { id: 'history-rows' }, hands.map(row))));
    } catch (failure) {
      if (failure.status === 404) {
        replaceChildren(body, h('p', { class: 'note', id: 'history-unavailable' },
            'Hand histories are not available on this server yet.'));
      } else {
        replaceChildren(body, h('p', { class: 'form-error', id: 'history-error' }, `Your hands cannot be loaded: ${failure.message}`));
      }
    }
  }

  function pager(from, to, total, older) {
    return h('div', { class: 'history-pager', id: 'history-pager' },
        h('button', { type: 'button', id: 'history-newer', disabled: page === 0, onclick: () => load(page - 1) }, '◀ Newer'),
        h('span', { id: 'history-range' }, `${from}–${to}${total !== null ? ` of ${total}` : ''}, newest first`),
        h('button', { type: 'button', id: 'history-older', disabled: !older, onclick: () => load(page + 1) }, 'Older ▶'));
  }

  function row(hand) {
    return h('tr', { class: 'history-row', dataset: { hand: hand.id } },
        h('td', { 'data-label': 'Hand' }, `#${hand.id}`),
        h('td', { 'data-label': 'Table' }, hand.table ?? ''),
        h('td', { 'data-label': 'When' }, when(hand.when)),
        h('td', { 'data-label': 'Cards', class: 'cards-cell' }, cardsCell(hand.cards)),
        h('td', { 'data-label': 'Result', class: `result ${outcome(hand.result)}` }, hand.result ?? ''),
        h('td', { class: 'replay' }, h('button', { type: 'button', class: 'link', dataset: { replay: hand.id }, onclick: () => replay(hand.id) }, 'Replay')),
        h('td', { class: 'downloads' }, FORMATS.map(([format, label]) =>
            h('button', { type: 'button', class: 'link', dataset: { format }, onclick: () => download(hand.id, format) }, label))),
        verifyCell(hand.id));
  }

  async function replay(handId) {
    try {
      const file = await api.exportHand(app.token(), handId, 'json');
      const hand = JSON.parse(await file.blob.text()).hands?.[0];
      if (!hand) {
        throw new Error('the hand was not in the answer');
      }
      openReplayer(hand, app.player?.() ?? null);
    } catch (failure) {
      app.toast(`Cannot replay: ${failure.message}`);
    }
  }

  /** A button that re-derives the hand's deck here, from its JSON history, and says whether every card fits. */
  function verifyCell(handId) {
    const cell = h('td', { class: 'fair-deck', 'data-label': 'Fair deck' });
    const button = h('button', { type: 'button', class: 'link verify', onclick: () => verify() }, 'Verify');
    replaceChildren(cell, button);
    async function verify() {
      if (!fairDeck.available()) {
        show('unavailable', 'Checking needs a secure page (https or localhost); use poker-server verify-shuffle.');
        return;
      }
      show('checking', 'Checking…');
      try {
        const file = await api.exportHand(app.token(), handId, 'json');
        const hand = JSON.parse(await file.blob.text()).hands?.[0];
        const result = await fairDeck.verifyHand(hand);
        show(result.ok ? 'ok' : 'failed', result.ok
            ? `Fair: the seed matches its commitment, and ${result.checked} cards are where it put them`
            : `Not fair: ${result.problem}`);
      } catch (failure) {
        show('error', `Cannot check: ${failure.message}`);
      }
    }
    function show(state, text) {
      cell.dataset.verified = state;
      replaceChildren(cell, h('span', { class: `verdict ${state}` }, text), ' ', button);
    }
    return cell;
  }

  async function download(handId, format) {
    try {
      const file = await api.exportHand(app.token(), handId, format);
      const url = URL.createObjectURL(file.blob);
      const link = h('a', { href: url, download: file.filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      app.toast(`Download failed: ${failure.message}`);
    }
  }

  load(0);
  return { element, destroy() {} };
}
