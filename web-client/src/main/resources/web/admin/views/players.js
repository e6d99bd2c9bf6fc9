// Players: search, one player's wallet and its ledger history (running balances from the journal), money in and out,
// freeze and unfreeze.
import { get, Submission } from '../api.js';
import { h } from '../../js/dom.js';
import { askReason, busy, table, when } from '../widgets.js';
import * as fields from '../fields.js';

export async function render(view, rerender, argument) {
  const query = h('input', { name: 'q', placeholder: 'name or id', id: 'player-search' });
  const results = h('div', {});
  const detail = h('div', { id: 'player-detail' });
  const search = async () => {
    const { players } = await get(`/api/admin/players?q=${encodeURIComponent(query.value.trim())}`);
    results.replaceChildren(table([
      { title: '#', cell: (p) => p.id },
      { title: 'Name', cell: (p) => h('a', { href: `#players/${p.id}`, 'data-player': p.name }, p.name) },
      { title: 'Role', cell: (p) => p.role },
      { title: 'Status', cell: (p) => (p.frozen ? h('span', { class: 'frozen' }, 'FROZEN') : 'active') },
      { title: 'Wallet', cell: (p) => p.wallet, money: true },
    ], players, 'No player matches.'));
  };
  const form = h('form', { class: 'grid' }, h('label', {}, 'Find a player', query), h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => { event.preventDefault(); search(); });
  view.replaceChildren(h('h2', {}, 'Players'), form, results, detail);
  if (argument) await showPlayer(detail, Number(argument), rerender);
  else await search();
}

async function showPlayer(detail, id, rerender) {
  const wallet = await get(`/api/admin/player?id=${id}`);
  const p = wallet.player;
  const freeze = h('button', {
    type: 'button', class: p.frozen ? 'quiet' : 'danger', id: 'freeze',
    onclick: async (event) => {
      const reason = await askReason(`${p.frozen ? 'Unfreeze' : 'Freeze'} ${p.name}?`, p.frozen ? 'Unfreeze' : 'Freeze', !p.frozen);
      if (reason === null) return;
      const submission = new Submission(`/api/admin/player/${p.frozen ? 'unfreeze' : 'freeze'}`);
      const answer = await busy(event.target, () => submission.send({ playerId: p.id, reason }),
        (a) => `${a.player} is ${a.frozen ? 'frozen' : 'active'}`);
      if (answer) await rerender();
    },
  }, p.frozen ? 'Unfreeze' : 'Freeze');
  detail.replaceChildren(
    h('h3', {}, `${p.name} (#${p.id}, ${p.role})`, p.frozen ? h('span', { class: 'frozen' }, ' FROZEN') : null),
    h('p', {}, 'Wallet ', h('strong', { id: 'wallet-balance' }, p.wallet), ` ${p.frozen ? '(cannot be credited)' : ''}`,
      ` · on seats ${wallet.onSeats} · joined ${when(p.createdAt)} `, freeze),
    moneyForm(p, rerender),
    h('h3', {}, 'Wallet history (newest first)'),
    table([
      { title: 'When', cell: (l) => when(l.at) },
      { title: 'Kind', cell: (l) => l.kind },
      { title: 'Amount', cell: (l) => l.amount, money: true },
      { title: 'Before', cell: (l) => l.balanceBefore, money: true },
      { title: 'After', cell: (l) => l.balanceAfter, money: true },
      { title: 'With', cell: (l) => `${l.counterpartyKind ?? ''} ${l.counterparty ?? ''}` },
      { title: 'Hand', cell: (l) => l.handRef ?? '' },
      { title: 'Posting key', cell: (l) => h('code', {}, l.postingKey) },
    ], wallet.history, 'No movements yet.'),
    h('p', { class: 'muted' }, wallet.nextBefore ? `Older movements: /api/admin/player?id=${p.id}&before=${wallet.nextBefore}` : ''));
}

function moneyForm(p, rerender) {
  const movement = h('select', { name: 'movement' },
    h('option', { value: 'deposit' }, 'Deposit (cashier to wallet)'),
    h('option', { value: 'withdraw' }, 'Withdraw (wallet to cashier)'),
    h('option', { value: 'credit' }, 'Adjust: credit the wallet'),
    h('option', { value: 'debit' }, 'Adjust: debit the wallet'));
  const amount = h('input', { name: 'amount', inputmode: 'decimal', placeholder: '12.50', required: true });
  const reason = h('input', { name: 'reason', required: true, maxlength: 500 });
  const submit = h('button', { type: 'submit', id: 'move-money' }, 'Move the money');
  const form = h('form', { class: 'grid', id: 'money-form' },
    h('label', {}, 'Movement', movement), h('label', {}, 'Amount', amount),
    h('label', { class: 'wide' }, 'Reason (kept in the admin log)', reason), submit);
  // One submission per kind of movement; each keeps its key until it gets a definite answer.
  const submissions = {
    deposit: new Submission('/api/admin/player/deposit'),
    withdraw: new Submission('/api/admin/player/withdraw'),
    credit: new Submission('/api/admin/player/adjust'),
    debit: new Submission('/api/admin/player/adjust'),
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = movement.value;
    const answer = await busy(submit, async () => {
      const body = { playerId: p.id, amount: fields.amount(amount.value), reason: reason.value.trim() };
      if (kind === 'credit' || kind === 'debit') body.direction = kind === 'credit' ? 'CREDIT' : 'DEBIT';
      return submissions[kind].send(body);
    }, (a) => `${a.movement.toLowerCase().replaceAll('_', ' ')} of ${a.amount} for ${a.player}: wallet ${a.wallet}`
      + `${a.replayed ? ' (already done; nothing moved again)' : ''}`);
    if (answer) await rerender();
  });
  return form;
}
