// Tournaments: the sit-and-go templates (create one, retire one), every tournament with its status, players and
// results, cancelling one (every buy-in and fee refunded), and a tournament's prize pool and fee accounts in the
// ledger, entry by entry with running balances (#tournaments/<id>).
import { get, Submission } from '../api.js';
import { h } from '../../js/dom.js';
import { askReason, busy, table, toast, when } from '../widgets.js';
import * as fields from '../fields.js';

export async function render(view, rerender, argument) {
  if (argument) {
    await renderOne(view, rerender, Number(argument));
    return;
  }
  const [{ tournaments }, { templates }] = await Promise.all([get('/api/admin/tournaments'), get('/api/admin/tournament-templates')]);
  view.replaceChildren(
    h('h2', {}, 'Tournaments'),
    h('div', { id: 'tournament-list' }, table([
      { title: '#', cell: (t) => h('a', { href: `#tournaments/${t.id}` }, String(t.id)) },
      { title: 'Name', cell: (t) => t.name },
      { title: 'Status', cell: (t) => h('span', { class: `state-${t.status}` }, t.status) },
      { title: 'Buy-in', cell: (t) => `${t.buyIn}+${t.fee}` },
      { title: 'Players', cell: (t) => `${t.registered}/${t.seats}` },
      { title: 'Prize pool', cell: (t) => t.prizePool, money: true },
      { title: 'Level', cell: (t) => (t.status === 'RUNNING' && t.blinds ? `${t.level}: ${t.blinds.smallBlind}/${t.blinds.bigBlind}` : '') },
      { title: 'Winner', cell: (t) => (t.players ?? []).find((p) => p.place === 1)?.name ?? '' },
      { title: '', cell: (t) => cancelButton(t, rerender) },
    ], tournaments, 'No tournament yet: create a template below.')),
    h('h3', {}, 'Templates'),
    table([
      { title: '#', cell: (t) => t.id },
      { title: 'Name', cell: (t) => t.name },
      { title: 'Seats', cell: (t) => t.seats },
      { title: 'Buy-in', cell: (t) => `${t.buyIn}+${t.fee}` },
      { title: 'Chips', cell: (t) => t.startingChips },
      { title: 'Levels', cell: (t) => `${t.levels.length} of ${t.levelSeconds ? `${t.levelSeconds} s` : `${t.levelHands} hands`}` },
      { title: 'Payouts', cell: (t) => t.payouts },
      { title: 'Active', cell: (t) => (t.active ? 'yes' : 'retired') },
    ], templates, 'No template.'),
    h('h3', {}, 'Create a template'),
    createForm(rerender));
}

function cancelButton(t, rerender) {
  if (t.status !== 'REGISTERING' && t.status !== 'RUNNING') return '';
  return h('button', {
    type: 'button', class: 'danger', 'data-cancel': t.id,
    onclick: async (event) => {
      const reason = await askReason(`Cancel ${t.name} #${t.id}? Every buy-in and fee goes back to the players.`, 'Cancel it', true);
      if (reason === null) return;
      const answer = await busy(event.target, () => new Submission('/api/admin/tournament/cancel').send({ tournamentId: t.id, reason }),
        (a) => `tournament ${a.tournament.id}: ${a.tournament.status.toLowerCase()}`);
      if (answer) await rerender();
    },
  }, 'Cancel');
}

async function renderOne(view, rerender, id) {
  const [{ tournament: t }, ledger] = await Promise.all([get(`/api/admin/tournament?id=${id}`), get(`/api/admin/tournament/ledger?id=${id}`)]);
  const place = (p) => (p.place == null ? '' : p.lastPlace !== p.place ? `${p.place}-${p.lastPlace}` : String(p.place));
  view.replaceChildren(
    h('p', {}, h('a', { href: '#tournaments' }, '← Tournaments')),
    h('h2', {}, `${t.name} #${t.id}`),
    h('p', { id: 'tournament-summary' }, `${t.status} · ${t.buyIn}+${t.fee} · ${t.registered}/${t.seats} players · prize pool ${t.prizePool}`
      + `${t.tableId != null ? ` · table ${t.tableId}` : ''}${t.cancelReason ? ` · cancelled: ${t.cancelReason}` : ''}`),
    cancelButton(t, rerender),
    h('h3', {}, 'Players and results'),
    table([
      { title: 'Player', cell: (p) => p.name },
      { title: 'Chips', cell: (p) => p.chips ?? '' },
      { title: 'Place', cell: place },
      { title: 'Prize', cell: (p) => (p.prize == null ? '' : `${p.prize}${p.oddCent ? ' (odd cent)' : ''}`), money: true },
    ], t.players ?? [], 'No player.'),
    h('h3', {}, `Prize pool: ${ledger.pool.balance}`),
    history(ledger.pool.history, 'tournament-pool-history'),
    h('h3', {}, `Fees: ${ledger.fees.balance}`),
    history(ledger.fees.history, 'tournament-fee-history'));
}

function history(lines, id) {
  return h('div', { id }, table([
    { title: 'When', cell: (l) => when(l.at ?? l.createdAt) },
    { title: 'Kind', cell: (l) => l.kind },
    { title: 'Amount', cell: (l) => l.amount, money: true },
    { title: 'Balance after', cell: (l) => l.balanceAfter, money: true },
    { title: 'Counterparty', cell: (l) => l.counterparty ?? '' },
  ], lines ?? [], 'No entry.'));
}

function createForm(rerender) {
  const field = (label, name, attributes = {}) => h('label', {}, label, h('input', { name, ...attributes }));
  const form = h('form', { class: 'grid', id: 'create-template' },
    field('Name', 'name', { required: true, maxlength: 60 }),
    field('Seats (2-10)', 'seats', { required: true, type: 'number', min: 2, max: 10, value: 6 }),
    field('Buy-in', 'buyIn', { required: true, inputmode: 'decimal', placeholder: '10.00' }),
    field('Fee', 'fee', { inputmode: 'decimal', placeholder: '1.00' }),
    field('Starting chips', 'startingChips', { required: true, type: 'number', min: 1, value: 1500 }),
    field('Levels (small/big/ante, comma separated)', 'levels', { required: true, value: '10/20, 15/30, 25/50, 50/100/10, 100/200/25' }),
    field('Level length (s), or', 'levelSeconds', { type: 'number', min: 1, value: 300 }),
    field('level length (hands)', 'levelHands', { type: 'number', min: 1 }),
    field('Payouts (%)', 'payouts', { required: true, value: '65/35' }),
    field('Action clock (s)', 'actionSeconds', { type: 'number', min: 1, max: 300, value: 20 }),
    field('Time bank (s)', 'timeBankSeconds', { type: 'number', min: 0, max: 600, value: 30 }),
    h('label', { class: 'wide' }, 'Reason (kept in the admin log)', h('input', { name: 'reason', required: true, maxlength: 500 })),
    h('button', { type: 'submit', id: 'create-template-submit' }, 'Create the template'));
  const submission = new Submission('/api/admin/tournament-templates/create');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let body;
    try {
      const levels = data.get('levels').split(',').map((text) => {
        const [smallBlind, bigBlind, ante] = text.trim().split('/').map((n) => Number.parseInt(n, 10));
        if (!(smallBlind > 0 && bigBlind > 0)) throw new Error(`a level is small/big or small/big/ante, not "${text.trim()}"`);
        return { smallBlind, bigBlind, ante: ante || 0 };
      });
      const hands = data.get('levelHands');
      body = {
        name: data.get('name').trim(),
        seats: Number.parseInt(data.get('seats'), 10),
        buyIn: fields.amount(data.get('buyIn'), 'buy-in'),
        fee: fields.optionalAmount(data.get('fee'), 'fee'),
        startingChips: Number.parseInt(data.get('startingChips'), 10),
        levels,
        levelSeconds: hands ? null : Number.parseInt(data.get('levelSeconds'), 10),
        levelHands: hands ? Number.parseInt(hands, 10) : null,
        payouts: data.get('payouts').trim(),
        actionSeconds: Number.parseInt(data.get('actionSeconds'), 10),
        timeBankSeconds: Number.parseInt(data.get('timeBankSeconds'), 10),
        reason: data.get('reason').trim(),
      };
    } catch (invalid) {
      toast(invalid.message, true);
      return;
    }
    const answer = await busy(form.querySelector('button[type=submit]'), () => submission.send(body),
      (a) => `created template ${a.template.id} ${a.template.name}; its first tournament is registering`);
    if (answer) await rerender();
  });
  return form;
}
