// Tables: every table with its game and seats, closed ones too (a filter narrows the list); open one (for No-Limit
// Hold'em or Pot-Limit Omaha), pause or resume it, close it, kick a player. Seats are numbered from 1, as players see
// them. Among game nodes it is the whole room's list, and the server passes an action on to the table's node.
import { get, Submission } from '../api.js';
import { h } from '../../js/dom.js';
import { GAMES, gameName } from '../../js/games.js';
import { askReason, busy, table, toast } from '../widgets.js';
import * as fields from '../fields.js';

const FILTERS = {
  all: { label: 'All tables', keep: () => true },
  running: { label: 'Open, paused or closing', keep: (t) => t.state !== 'CLOSED' },
  closed: { label: 'Closed', keep: (t) => t.state === 'CLOSED' },
};
let chosen = 'all';

export async function render(view, rerender) {
  const { tables } = await get('/api/admin/tables');
  const list = h('div', { id: 'table-list' });
  const draw = () => list.replaceChildren(tableList(tables.filter(FILTERS[chosen].keep), rerender));
  const filter = h('select', { id: 'table-filter', onchange: (event) => { chosen = event.target.value; draw(); } },
    Object.entries(FILTERS).map(([key, f]) => h('option', { value: key, selected: key === chosen }, f.label)));
  draw();
  view.replaceChildren(
    h('h2', {}, 'Tables'),
    h('label', { class: 'inline' }, 'Show ', filter),
    list,
    h('h3', {}, 'Open a table'),
    createForm(rerender));
}

// Among game nodes every row names the node serving its table (none while a takeover is under way) and how that
// node stands; a server alone has no such column.
function nodeColumn(tables) {
  if (!tables.some((t) => 'node' in t)) return [];
  return [{
    title: 'Node',
    cell: (t) => (t.state === 'CLOSED' ? ''
      : t.node ? h('span', { 'data-node': t.node }, t.node, ' ', h('span', { class: 'muted' }, (t.nodeState ?? '').toLowerCase()))
        : h('span', { class: 'muted' }, 'moving')),
  }];
}

function tableList(tables, rerender) {
  return table([
      { title: '#', cell: (t) => t.id },
      { title: 'Name', cell: (t) => t.name },
      { title: 'State', cell: (t) => h('span', { class: `state-${t.state}` }, t.state) },
      ...nodeColumn(tables),
      { title: 'Game', cell: (t) => gameName(t.game) },
      { title: 'Blinds', cell: (t) => `${t.smallBlind}/${t.bigBlind}${t.ante !== '0.00' ? ` ante ${t.ante}` : ''}` },
      { title: 'Buy-in', cell: (t) => `${t.minBuyIn} to ${t.maxBuyIn}` },
      { title: 'Rake', cell: (t) => (t.rakePercent === '0' ? 'none' : `${t.rakePercent}% cap ${t.rakeCap}`) },
      { title: 'Rake taken', cell: (t) => t.rakeTaken, money: true },
      { title: 'Clock', cell: (t) => `${t.actionSeconds}s + ${t.timeBankSeconds}s bank` },
      { title: 'Hand', cell: (t) => t.handId ?? '' },
      { title: 'Seats', cell: (t) => seats(t, rerender) },
      { title: '', cell: (t) => actions(t, rerender) },
    ], tables, 'No table to show.');
}

function seats(t, rerender) {
  // A table no node answered for: the players its seats record, nothing live (no stacks, no kick until it is served).
  if (t.live === false) return h('span', { class: 'muted' }, `${t.players.length}/${t.seatCount} ${t.players.join(', ')}`);
  if (t.seats.length === 0) return h('span', { class: 'muted' }, `0/${t.seatCount}`);
  return h('div', {}, `${t.seats.length}/${t.seatCount}`, t.seats.map((s) => h('div', {},
    `seat ${s.seat + 1}: ${s.player} ${s.stack}${s.inHand ? ' (in hand)' : ''}${s.leaving ? ' (leaving)' : ''} `,
    t.state === 'CLOSING' ? null : h('button', {
      type: 'button', class: 'quiet', 'data-kick': s.player,
      onclick: (event) => change(event.target, '/api/admin/table/kick', `Kick ${s.player} from ${t.name}?`, 'Kick',
        { tableId: t.id, playerId: s.playerId }, rerender, true),
    }, 'Kick'))));
}

function actions(t, rerender) {
  if (t.state === 'CLOSED') return h('span', { class: 'muted' }, 'closed');
  if (t.state === 'CLOSING') return h('span', { class: 'muted' }, 'closing after the hand');
  const pause = t.state === 'PAUSED'
    ? h('button', { type: 'button', class: 'quiet', onclick: (e) => change(e.target, '/api/admin/table/resume', `Resume ${t.name}?`, 'Resume', { tableId: t.id }, rerender) }, 'Resume')
    : h('button', { type: 'button', class: 'quiet', onclick: (e) => change(e.target, '/api/admin/table/pause', `Pause ${t.name}? The hand in progress finishes.`, 'Pause', { tableId: t.id }, rerender) }, 'Pause');
  const close = h('button', {
    type: 'button', class: 'danger', 'data-close': t.id,
    onclick: (e) => change(e.target, '/api/admin/table/close',
      `Close ${t.name}? The hand in progress finishes, then every seat is cashed out.`, 'Close the table', { tableId: t.id }, rerender, true),
  }, 'Close');
  return h('div', {}, pause, ' ', close);
}

async function change(button, path, question, confirmLabel, body, rerender, danger = false) {
  const reason = await askReason(question, confirmLabel, danger);
  if (reason === null) return;
  const submission = new Submission(path);
  const answer = await busy(button, () => submission.send({ ...body, reason }), (a) => describe(a));
  if (answer) await rerender();
}

function describe(answer) {
  if (answer.result) return `player ${answer.playerId}: ${answer.result.toLowerCase().replaceAll('_', ' ')}`;
  if (answer.state) return `table ${answer.tableId}: ${answer.state.toLowerCase()}`;
  return `table ${answer.table.id} ${answer.table.name}: ${answer.table.state.toLowerCase()}`;
}

function createForm(rerender) {
  const field = (label, name, attributes = {}) => h('label', {}, label, h('input', { name, ...attributes }));
  const form = h('form', { class: 'grid', id: 'create-table' },
    field('Name', 'name', { required: true, maxlength: 40 }),
    h('label', {}, 'Game', h('select', { name: 'variant' },
      Object.entries(GAMES).map(([code, name]) => h('option', { value: code }, name)))),
    field('Small blind', 'smallBlind', { required: true, inputmode: 'decimal', placeholder: '0.50' }),
    field('Big blind', 'bigBlind', { required: true, inputmode: 'decimal', placeholder: '1.00' }),
    field('Ante', 'ante', { inputmode: 'decimal', placeholder: '0.00' }),
    field('Seats (2-10)', 'seats', { required: true, type: 'number', min: 2, max: 10, value: 6 }),
    field('Minimum buy-in', 'minBuyIn', { required: true, inputmode: 'decimal', placeholder: '20.00' }),
    field('Maximum buy-in', 'maxBuyIn', { required: true, inputmode: 'decimal', placeholder: '100.00' }),
    field('Rake %', 'rakePercent', { inputmode: 'decimal', placeholder: '0' }),
    field('Rake cap', 'rakeCap', { inputmode: 'decimal', placeholder: '0.00' }),
    field('Action clock (s)', 'actionSeconds', { type: 'number', min: 5, max: 300, value: 20 }),
    field('Time bank (s)', 'timeBankSeconds', { type: 'number', min: 0, max: 600, value: 30 }),
    h('label', { class: 'wide' }, 'Reason (kept in the admin log)', h('input', { name: 'reason', required: true, maxlength: 500 })),
    h('button', { type: 'submit', id: 'create-table-submit' }, 'Open the table'));
  const submission = new Submission('/api/admin/tables/create');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let body;
    try {
      body = {
        name: data.get('name').trim(),
        variant: data.get('variant'),
        smallBlind: fields.amount(data.get('smallBlind'), 'small blind'),
        bigBlind: fields.amount(data.get('bigBlind'), 'big blind'),
        ante: fields.optionalAmount(data.get('ante'), 'ante'),
        seats: Number.parseInt(data.get('seats'), 10),
        minBuyIn: fields.amount(data.get('minBuyIn'), 'minimum buy-in'),
        maxBuyIn: fields.amount(data.get('maxBuyIn'), 'maximum buy-in'),
        rakePercent: fields.percent(data.get('rakePercent')),
        rakeCap: fields.optionalAmount(data.get('rakeCap'), 'rake cap'),
        actionSeconds: Number.parseInt(data.get('actionSeconds'), 10),
        timeBankSeconds: Number.parseInt(data.get('timeBankSeconds'), 10),
        reason: data.get('reason').trim(),
      };
    } catch (invalid) {
      toast(invalid.message, true);
      return;
    }
    const answer = await busy(form.querySelector('button[type=submit]'), () => submission.send(body),
      (a) => `opened table ${a.table.id} ${a.table.name}`);
    if (answer) await rerender();
  });
  return form;
}
