// Hands: the newest first, a page at a time back in time; search by hand id, player, table or time range, then one
// hand step by step with every hole card. The server replays the hand (the amounts are its arithmetic, not the
// browser's) and sets it beside the ledger's journal. Seats are numbered from 1, as players see them.
import { get } from '../api.js';
import { h } from '../../js/dom.js';
import { table, when } from '../widgets.js';

export async function render(view, rerender, argument) {
  const field = (label, name, attributes = {}) => h('label', {}, label, h('input', { name, ...attributes }));
  const form = h('form', { class: 'grid', id: 'hand-search' },
    field('Hand id', 'hand', { inputmode: 'numeric' }),
    field('Player (name or id)', 'player'),
    field('Table id', 'table', { inputmode: 'numeric' }),
    field('From (UTC day or instant)', 'from', { placeholder: '2026-11-01' }),
    field('To', 'to', { placeholder: '2026-11-30' }),
    h('button', { type: 'submit' }, 'Find hands'));
  const results = h('div', {});
  const detail = h('div', { id: 'hand-detail' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim()) query.set(name, String(value).trim());
    }
    await page(results, query, 'Hands found, the newest first:');
  });
  view.replaceChildren(h('h2', {}, 'Hands'), form, results, detail);
  if (argument) {
    await open(detail, Number(argument));
  } else {
    await page(results, new URLSearchParams({ limit: '20' }), 'The latest hands:');
  }
}

/** One page of hands, the newest first, with a button to the page before it. */
async function page(results, query, heading) {
  try {
    const answer = await get(`/api/admin/hands?${query}`);
    const older = answer.nextBefore === null || answer.nextBefore === undefined ? null
      : h('button', {
        type: 'button', class: 'quiet', id: 'older-hands', onclick: () => {
          const next = new URLSearchParams(query);
          next.set('before', answer.nextBefore);
          page(results, next, 'Older hands:');
        },
      }, 'Older hands ▶');
    results.replaceChildren(h('p', { class: 'muted' }, heading), list(answer.hands), older);
  } catch (error) {
    results.replaceChildren(h('p', { class: 'error' }, `${error.code}: ${error.message}`));
  }
}

function list(hands) {
  return table([
    { title: 'Hand', cell: (x) => h('a', { href: `#hands/${x.handId}`, 'data-hand': x.handId }, `#${x.handId}`) },
    { title: 'Table', cell: (x) => `${x.table} (#${x.tableId})` },
    { title: 'Started', cell: (x) => when(x.startedAt) },
    { title: 'Status', cell: (x) => x.status },
    { title: 'Players', cell: (x) => x.players.map((p) => `${p.player} ${(p.holeCards ?? []).join(' ')}`).join(', ') },
    { title: 'Board', cell: (x) => x.board.join(' ') },
    { title: 'Pot', cell: (x) => x.totalPot, money: true },
    { title: 'Rake', cell: (x) => x.rake, money: true },
  ], hands, 'No hand matches.');
}

async function open(detail, handId) {
  const hand = await get(`/api/admin/hand?id=${handId}`);
  const s = hand.summary;
  const stepView = h('div', { id: 'hand-step' });
  const slider = h('input', { type: 'range', min: 1, max: hand.steps.length, value: 1, id: 'step-slider' });
  const show = (n) => {
    slider.value = n;
    stepView.replaceChildren(step(hand.steps[n - 1], hand.steps.length));
  };
  const move = (delta) => show(Math.min(hand.steps.length, Math.max(1, Number(slider.value) + delta)));
  slider.addEventListener('input', () => show(Number(slider.value)));
  detail.replaceChildren(
    h('h3', {}, `Hand #${s.handId} at ${s.table} (#${s.tableId}), ${s.status}${s.voidReason ? `: ${s.voidReason}` : ''}`),
    h('p', {}, `${when(s.startedAt)} to ${when(s.endedAt)} · pot ${s.totalPot} · rake ${s.rake} · `,
      h('span', { class: hand.ledger.agrees ? 'pass' : 'fail', 'data-ledger': hand.ledger.agrees ? 'agrees' : 'differs' },
        hand.ledger.agrees ? 'the journal holds exactly this hand\'s transfers' : 'the journal and the history differ'),
      ' · ',
      h('span', { class: hand.stacksAgree ? 'pass' : 'fail' },
        hand.stacksAgree ? 'replay reaches the ledger\'s stacks' : 'replay does not reach the recorded stacks')),
    table([
      { title: 'Seat', cell: (p) => p.seat + 1 },
      { title: 'Player', cell: (p) => p.player },
      { title: 'Cards', cell: (p) => (p.holeCards ?? []).join(' ') },
      { title: 'Start', cell: (p) => p.startingStack ?? '', money: true },
      { title: 'End', cell: (p) => p.finalStack ?? '', money: true },
      { title: 'Net', cell: (p) => p.net ?? '', money: true },
    ], s.players),
    h('div', {},
      h('button', { type: 'button', class: 'quiet', onclick: () => move(-1) }, '◀ Previous'), ' ', slider, ' ',
      h('button', { type: 'button', class: 'quiet', id: 'next-step', onclick: () => move(1) }, 'Next ▶')),
    stepView);
  show(1);
}

function step(s, total) {
  return h('div', {},
    h('p', {}, h('strong', { 'data-step': s.step }, `Step ${s.step} of ${total}: `), s.text,
      s.transferId ? h('span', { class: 'muted' }, ` (ledger transfer ${s.transferId})`) : ''),
    h('p', {}, `Board: ${s.board.length ? s.board.join(' ') : '(none yet)'} · Pot: ${s.pot}`),
    table([
      { title: 'Seat', cell: (x) => x.seat + 1 },
      { title: 'Player', cell: (x) => x.player },
      { title: 'Cards', cell: (x) => (x.cards ?? []).join(' ') },
      { title: 'Stack', cell: (x) => x.stack ?? '', money: true },
      { title: '', cell: (x) => (x.folded ? 'folded' : '') },
    ], s.seats));
}
