// Sit-and-gos: the Tournaments tab (registering, running, finished, with register and unregister) and one
// tournament's page (players and their chips, the level and its blinds, the time to the next level, the payouts, and
// once it is over the result: places and prizes). Amounts are money; blinds and chips are tournament chips.
import { h, replaceChildren } from '../dom.js';
import { format, fromWire } from '../money.js';
import * as api from '../api.js';

const REFRESH_MILLIS = 3000;
const SECTIONS = [['REGISTERING', 'Registering'], ['RUNNING', 'Running'], ['FINISHED', 'Finished']];

/** Whether {@code player} is registered in this tournament. */
export function registeredIn(tournament, player) {
  return player != null && Array.isArray(tournament.players) && tournament.players.some(p => p.name === player);
}

/** "10.00+1.00". */
export function entryText(t) {
  return `${format(fromWire(t.buyIn))}+${format(fromWire(t.fee))}`;
}

/** "Level 2: 25/50", "Level 3: 50/100 ante 10". */
export function levelText(t) {
  const b = t.blinds;
  return b ? `Level ${t.level}: ${b.smallBlind}/${b.bigBlind}${b.ante > 0 ? ` ante ${b.ante}` : ''}` : '';
}

/** "1st", "2nd", "3rd-4th" (a tie). */
export function placeText(place, lastPlace) {
  const ordinal = n => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
  if (place == null) {
    return '';
  }
  return lastPlace != null && lastPlace !== place ? `${ordinal(place)}–${ordinal(lastPlace)}` : ordinal(place);
}

/** "1:05" from seconds. */
export function clockText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

async function enter(app, t, register) {
  try {
    if (register) {
      await api.registerForTournament(app.token(), t.id, crypto.randomUUID());
      app.toast(`Registered for ${t.name}: ${entryText(t)} left your wallet.`);
    } else {
      await api.unregisterFromTournament(app.token(), t.id);
      app.toast(`Unregistered from ${t.name}: ${entryText(t)} is back in your wallet.`);
    }
  } catch (failure) {
    app.toast(failure.message);
  }
}

/** The Tournaments tab. */
export function mountTournamentsView(app) {
  const status = h('p', { class: 'lobby-status', id: 'tournaments-status' }, 'Loading tournaments…');
  const lists = h('div', { id: 'tournament-sections' });
  const element = h('section', { class: 'lobby tournaments', id: 'tournaments' },
      h('div', { class: 'lobby-top' }, h('h1', {}, 'Sit & Go tournaments')), status, lists);

  async function refresh() {
    try {
      const answer = await api.tournaments();
      const all = Array.isArray(answer?.tournaments) ? answer.tournaments : [];
      status.textContent = all.length ? '' : 'No tournaments right now.';
      replaceChildren(lists, SECTIONS.map(([key, title]) => section(key, title, all.filter(t => t.status === key))));
    } catch (failure) {
      status.textContent = `The tournaments cannot be loaded: ${failure.message}`;
    }
  }

  function section(key, title, rows) {
    return h('div', { class: 'tournament-section', dataset: { status: key } },
        h('h2', {}, title),
        rows.length === 0 ? h('p', { class: 'empty' }, 'None.') : h('table', { class: 'lobby-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Tournament'), h('th', {}, 'Buy-in'), h('th', {}, 'Players'),
                h('th', {}, 'Prize pool'), h('th', {}, key === 'RUNNING' ? 'Level' : 'Payouts'), h('th', {}, ''))),
            h('tbody', {}, rows.map(row))));
  }

  function row(t) {
    const mine = registeredIn(t, app.player());
    return h('tr', { class: 'tournament-row', dataset: { tournamentId: t.id } },
        h('td', { class: 'name', 'data-label': 'Tournament' }, t.name),
        h('td', { class: 'entry', 'data-label': 'Buy-in' }, entryText(t)),
        h('td', { class: 'players', 'data-label': 'Players' }, `${t.registered}/${t.seats}`),
        h('td', { class: 'pool', 'data-label': 'Prize pool' }, format(fromWire(t.prizePool))),
        h('td', { class: 'detail', 'data-label': '' }, t.status === 'RUNNING' ? levelText(t) : t.payoutTable),
        h('td', { class: 'go' },
            h('a', { class: 'button', href: `#/tournament/${t.id}`, dataset: { action: 'view' } }, 'View'),
            t.status === 'REGISTERING' ? h('button', {
              type: 'button', class: mine ? 'unregister' : 'primary register', dataset: { action: mine ? 'unregister' : 'register' },
              onclick: async () => { await enter(app, t, !mine); refresh(); },
            }, mine ? 'Unregister' : 'Register') : null,
            t.status === 'RUNNING' && mine && t.tableId != null
              ? h('a', { class: 'button primary', href: `#/table/${t.tableId}`, dataset: { action: 'play' } }, 'Play') : null));
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MILLIS);
  return { element, destroy: () => clearInterval(timer) };
}

/** One tournament's page; once it is over, its result. */
export function mountTournamentView(app, id) {
  const body = h('div', { id: 'tournament-body' }, 'Loading…');
  const element = h('section', { class: 'lobby tournament', id: 'tournament', dataset: { tournamentId: id } },
      h('p', {}, h('a', { href: '#/tournaments' }, '← Tournaments')), body);
  let shown = null;
  let shownAt = 0;

  async function refresh() {
    try {
      shown = (await api.tournament(id))?.tournament;
      shownAt = Date.now();
      draw();
    } catch (failure) {
      replaceChildren(body, `The tournament cannot be loaded: ${failure.message}`);
    }
  }

  function draw() {
    const t = shown;
    if (!t) {
      return;
    }
    const mine = registeredIn(t, app.player());
    const over = t.status === 'FINISHED' || t.status === 'CANCELLED';
    replaceChildren(body,
        h('h1', {}, t.name),
        h('p', { class: 'tournament-status', id: 'tournament-status', dataset: { status: t.status } },
            `${t.status.toLowerCase()} · ${entryText(t)} · ${t.registered}/${t.seats} players · prize pool `
            + `${format(fromWire(t.prizePool))} · ${t.startingChips} chips · levels of ${t.levelPace}`),
        t.cancelReason ? h('p', { class: 'cancelled' }, `Cancelled: ${t.cancelReason}. Every buy-in and fee was refunded.`) : null,
        t.status === 'RUNNING' ? h('p', { class: 'level', id: 'tournament-level' }, levelLine()) : null,
        t.status === 'REGISTERING' ? h('button', {
          type: 'button', id: 'tournament-enter', class: mine ? '' : 'primary',
          onclick: async () => { await enter(app, t, !mine); refresh(); },
        }, mine ? 'Unregister' : `Register (${entryText(t)})`) : null,
        t.status === 'RUNNING' && t.tableId != null
          ? h('a', { class: 'button primary', id: 'tournament-table', href: `#/table/${t.tableId}` }, mine ? 'Play' : 'Watch') : null,
        h('h2', {}, over ? 'Result' : 'Payouts'),
        over ? results(t) : payouts(t),
        over ? null : h('h2', {}, 'Players'),
        over ? null : players(t));
  }

  /** The level and, when levels go by time, the time left in it, counted down between refreshes. */
  function levelLine() {
    const t = shown;
    const left = t.nextLevelInSeconds == null ? null : t.nextLevelInSeconds - (Date.now() - shownAt) / 1000;
    return levelText(t) + (left == null ? '' : ` · next level in ${clockText(left)}`);
  }

  function payouts(t) {
    return h('table', { class: 'lobby-table', id: 'tournament-payouts' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Place'), h('th', {}, 'Prize'))),
        h('tbody', {}, (t.payouts ?? []).map(p => h('tr', {}, h('td', {}, placeText(p.place)),
            h('td', { class: 'prize' }, format(fromWire(p.amount)) + (p.oddCent ? ' (+1¢ of the split)' : ''))))));
  }

  function players(t) {
    return h('table', { class: 'lobby-table', id: 'tournament-players' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Player'), h('th', {}, 'Chips'), h('th', {}, 'Place'))),
        h('tbody', {}, (t.players ?? []).map(p => h('tr', { class: 'player', dataset: { player: p.name } },
            h('td', {}, p.name), h('td', { class: 'chips' }, p.chips ?? (t.status === 'REGISTERING' ? t.startingChips : '')),
            h('td', { class: 'place' }, placeText(p.place, p.lastPlace))))));
  }

  function results(t) {
    return h('table', { class: 'lobby-table', id: 'tournament-results' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Place'), h('th', {}, 'Player'), h('th', {}, 'Prize'))),
        h('tbody', {}, (t.players ?? []).map(p => h('tr', { class: 'result', dataset: { player: p.name } },
            h('td', { class: 'place' }, placeText(p.place, p.lastPlace)), h('td', {}, p.name),
            h('td', { class: 'prize' }, p.prize == null ? '' : format(fromWire(p.prize)) + (p.oddCent ? ' (odd cent)' : ''))))));
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MILLIS);
  const tick = setInterval(() => {
    const line = body.querySelector('#tournament-level');
    if (line && shown) {
      line.textContent = levelLine();
    }
  }, 1000);
  return { element, destroy: () => { clearInterval(timer); clearInterval(tick); } };
}
