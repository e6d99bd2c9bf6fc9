// The table page: its header (game, stakes, buy-in range, sit out, top up, leave), the felt, the action bar and the chat.
// Seated or watching, it follows the table through a TableController kept by the app across navigation.
import { h, replaceChildren } from '../dom.js';
import { gameName } from '../games.js';
import { amountsOf, format, max, min } from '../money.js';
import { ActionBar } from './action-bar.js';
import { ChatPanel } from './chat-panel.js';
import { openChipsDialog } from './chips-dialog.js';
import { fitCentre } from './felt-centre.js';
import { placeTokens } from './felt-tokens.js';
import { cutNames } from './seat-names.js';
import { bringOnScreen } from './on-screen.js';
import { renderFelt, tickClock } from './table-felt.js';
import { animateChanges } from './felt-motion.js';
import { TableSounds } from './table-sounds.js';

export function mountTableView(app, tableId, { sitDown = false } = {}) {
  const felt = h('div', { class: 'felt', id: 'table', dataset: { tableId } }, h('p', { class: 'loading' }, 'Joining the table…'));
  const heading = h('div', { class: 'table-heading' });
  const notice = h('div', { class: 'table-notice', id: 'table-notice', role: 'status', hidden: true });
  const tools = h('div', { class: 'table-tools' });
  const bar = new ActionBar();
  let controller = null;
  const chat = new ChatPanel(text => controller.chat(text), tableId);
  const element = h('section', { class: 'table-view', id: 'table-view' },
      h('div', { class: 'table-main' }, heading, notice, h('div', { class: 'felt-frame' }, felt), bar.element, tools),
      chat.element);
  let wantSeat = sitDown;
  let dialog = null;

  let drawing = 0; // the animation frame the next drawing is booked for, or 0
  let shownResults = null; // the hand whose results were last brought on screen

  // Each change books one drawing for the next frame: a busy table sends many events a second, and a page short of CPU
  // that drew the whole felt for each fell further behind with each one until it stopped answering (seen with the
  // browser tests on one core). A hidden tab draws nothing until it is shown again.
  const render = () => {
    if (drawing === 0) {
      drawing = requestAnimationFrame(draw);
    }
  };

  const draw = () => {
    drawing = 0;
    const model = controller.model;
    if (model.ready) {
      renderFelt(felt, model, { onEmptySeat: seat => openBuyIn(seat), pendingAct: controller.pendingAct });
      animateChanges(felt, model);
      // A showdown at the player's table: the board and the results on screen with their cards and the bar, as at
      // their turn (the results grow the felt's centre, which can push the board up under the top bar on a phone);
      // once a hand.
      const results = felt.querySelector('#results');
      if (results && model.mySeat >= 0 && results.dataset.hand !== shownResults) {
        shownResults = results.dataset.hand;
        bringOnScreen([felt.querySelector('#board'), results, felt.querySelector('.seat.mine .seat-cards'), bar.element,
          tools]);
      }
      tickClock(felt, model, performance.now());
      renderHeading(model);
      notice.hidden = !model.notice;
      notice.textContent = model.notice?.text ?? '';
      notice.dataset.kind = model.notice?.kind ?? '';
      renderTools(model);
      if (wantSeat) {
        wantSeat = false;
        const free = firstFreeSeat(model);
        if (model.mySeat < 0 && free >= 0) {
          openBuyIn(free);
        }
      }
    }
    // Last: when a turn begins the bar scrolls itself into view if it is not, so it must measure where the heading
    // and the felt drawn just above now put it, not where the previous drawing had.
    bar.update(controller);
  };

  controller = app.follow(tableId, {
    onChange: render,
    onRecent: (events, model) => chat.retell(events, model),
    onEvent: (event, seq, model) => {
      chat.event(event, seq, model);
      soundFor(event, model);
      if (event.type === 'rebuyOffered' && event.seat === model.mySeat) {
        openTopUp();
      }
    },
    onError: text => app.toast(text),
  });
  const sounds = new TableSounds(controller.model.me);
  let warnedTurn = null; // the turn whose time-running-out sound was played
  const clock = setInterval(() => {
    const model = controller.model;
    if (!model.ready) {
      return;
    }
    tickClock(felt, model, performance.now());
    const turn = model.myTurn;
    if (turn && turn.key !== warnedTurn && felt.querySelector('#turn-clock.ending')) {
      warnedTurn = turn.key;
      sounds.play('time');
    }
  }, 250);

  /** The sound an event makes for this player: their turn, their cards, a bet at the table, their win. */
  function soundFor(event, model) {
    const me = model.mySeat;
    if (event.type === 'turnStarted' && event.turn.legal && event.turn.seat === me) {
      sounds.play('turn');
    } else if (event.type === 'handStarted' && event.seatsDealtIn.includes(me)) {
      sounds.play('deal');
    } else if (event.type === 'playerActed' && ['BET', 'RAISE', 'CALL', 'ALL_IN'].includes(event.action)) {
      sounds.play('bet');
    } else if (event.type === 'potAwarded' && event.seat === me) {
      sounds.play('win');
    }
  }

  function muteButton() {
    return h('button', {
      type: 'button', id: 'mute', 'aria-pressed': String(sounds.muted), title: 'table sounds',
      onclick: () => { sounds.setMuted(!sounds.muted); render(); },
    }, sounds.muted ? 'Sound off' : 'Sound on');
  }
  // A phone turned sideways resizes the felt without a new event: names are cut and bets and the button placed anew,
  // and when the felt's shape changed the seats are drawn again along its edge (table-felt.js spaces them by it).
  let shape = 0;
  const resized = new ResizeObserver(() => {
    cutNames(felt);
    fitCentre(felt);
    placeTokens(felt);
    const now = felt.clientHeight > 0 ? felt.clientWidth / felt.clientHeight : 0;
    if (Math.abs(now - shape) > 0.01) {
      shape = now;
      render();
    }
  });
  resized.observe(felt);
  render();

  function renderHeading(model) {
    const c = model.config;
    const amounts = amountsOf(c);
    replaceChildren(heading,
        h('h1', { id: 'table-name' }, c.name),
        h('span', { class: 'game', id: 'table-game', dataset: { game: c.game } }, gameName(c.game)),
        h('span', { class: 'stakes', id: 'table-stakes' }, `Blinds ${amounts.format(c.smallBlind)}/${amounts.format(c.bigBlind)}`),
        // A sit-and-go's seats are the tournament's: no one buys in there.
        c.tournamentChips ? null : h('span', { class: 'buy-in-range' }, `Buy-in ${format(c.minBuyIn)}–${format(c.maxBuyIn)}`),
        model.mySeat < 0 ? h('span', { class: 'watching' }, 'Watching') : null);
  }

  /**
   * The table's buttons are drawn again one by one, each only when it changes: the page redraws on every event (at a
   * fast table, several a second), and a button replaced between the press and the release of a click loses that
   * click. A button drawn the same stays in place with its handler (handlers read the one model of this table). Buttons
   * are matched by id, not by position: when one appears or goes (Sit in, Post big blind), those after it stay too.
   */
  function redrawIfChanged(element, ...children) {
    const fresh = [...h('div', {}, ...children).childNodes];
    const old = new Map([...element.childNodes].map((node, i) => [node.id || `#${i}`, node]));
    const wanted = fresh.map((node, i) => {
      const same = old.get(node.id || `#${i}`);
      return same && same.outerHTML === node.outerHTML ? same : node;
    });
    const kept = new Set(wanted);
    [...element.childNodes].filter(node => !kept.has(node)).forEach(node => node.remove());
    // The buttons kept are still in their order, so only the fresh ones are put in: no kept button moves.
    let next = element.firstChild;
    for (const node of wanted) {
      if (node === next) {
        next = next.nextSibling;
      } else {
        element.insertBefore(node, next);
      }
    }
  }

  function renderTools(model) {
    const me = model.seat(model.mySeat);
    if (!me) {
      redrawIfChanged(tools,
          h('a', { href: '#/lobby', class: 'button', id: 'back-to-lobby' }, 'Lobby'),
          muteButton(),
          firstFreeSeat(model) >= 0 ? h('button', { type: 'button', id: 'take-seat', onclick: () => openBuyIn(firstFreeSeat(model)) }, 'Take a seat') : null);
      return;
    }
    const inHand = me.inHand && model.handId !== null;
    const room = model.config.maxBuyIn - me.stack;
    // A sit-and-go's chips are the tournament's: none can be added (top-up, rebuy) nor taken away (leave); the server
    // refuses both, so the page does not offer them.
    const cash = !model.config.tournamentChips;
    redrawIfChanged(tools,
        h('a', { href: '#/lobby', class: 'button', id: 'back-to-lobby' }, 'Lobby'),
        me.sittingOut
          ? h('button', { type: 'button', id: 'sit-in', onclick: () => answered(controller.sitIn()) }, 'Sit in')
          : h('button', { type: 'button', id: 'sit-out', onclick: () => answered(controller.sitOut()) }, 'Sit out next hand'),
        // Back from sitting out, or waiting for the big blind: post one to be dealt in sooner (docs/room-rules.md).
        me.sittingOut || waitsForBigBlind(model, me)
          ? h('button', { type: 'button', id: 'post-big-blind', onclick: () => postBigBlind() },
              `Post big blind (${amountsOf(model.config).format(model.config.bigBlind)})`)
          : null,
        !cash ? null : me.busted
          ? h('button', { type: 'button', id: 'rebuy', class: 'primary', onclick: () => openTopUp() }, 'Rebuy')
          : h('button', { type: 'button', id: 'top-up', disabled: inHand || room <= 0n, title: inHand ? 'between hands' : null, onclick: () => openTopUp() }, 'Top up'),
        cash ? h('button', { type: 'button', id: 'leave-table', onclick: () => leave() }, 'Leave table') : null,
        muteButton());
  }

  async function answered(reply) {
    const answer = await reply;
    if (answer.type === 'error') {
      app.toast(answer.message ?? answer.code);
    }
    return answer;
  }

  async function postBigBlind() {
    const answer = await answered(controller.sitIn(true));
    if (answer.type === 'done') {
      app.toast('You post the big blind at the next hand your seat is after the blinds, and are dealt in.');
    }
  }

  async function leave() {
    const answer = await answered(controller.leave());
    if (answer.type === 'done') {
      app.toast('You will leave after this hand; your chips go back to your wallet.');
    }
  }

  function openBuyIn(seat) {
    const model = controller.model;
    dialog?.close();
    const c = model.config;
    dialog = openChipsDialog({
      title: `Buy in at ${c.name}, seat ${seat + 1}`,
      detail: `Blinds ${format(c.smallBlind)}/${format(c.bigBlind)}`,
      low: c.minBuyIn, high: c.maxBuyIn, wallet: app.wallet(), confirm: 'Buy in',
      // At a running game a newcomer waits for the big blind, or posts one to play at once (docs/room-rules.md).
      choices: [{ value: 'wait', label: 'Wait for the big blind' },
        { value: 'post', label: `Post the big blind now (${format(c.bigBlind)})` }],
      submit: (cents, choice) => controller.sitDown(seat, cents, choice === 'post'),
    });
  }

  function openTopUp() {
    const model = controller.model;
    const me = model.seat(model.mySeat);
    dialog?.close();
    // A top-up may not leave the stack below the table minimum (the server refuses it too), nor take it past the maximum.
    const low = max(1n, model.config.minBuyIn - me.stack);
    const seconds = me.rebuyUntil === null ? null : Math.max(0, Math.round((me.rebuyUntil - performance.now()) / 1000));
    dialog = openChipsDialog({
      title: me.busted ? 'Rebuy' : 'Top up',
      detail: me.busted
        ? `You are out of chips. Buy back in${seconds === null ? '' : ` within ${seconds} s`}, or your seat is given up.`
        : `Your stack is ${format(me.stack)}; a stack ends between ${format(model.config.minBuyIn)} and ${format(model.config.maxBuyIn)}.`,
      low, high: min(model.config.maxBuyIn - me.stack, model.config.maxBuyIn), wallet: app.wallet(),
      confirm: me.busted ? 'Buy back in' : 'Add chips',
      submit: cents => controller.topUp(cents),
    });
  }

  return {
    element,
    destroy() {
      cancelAnimationFrame(drawing);
      clearInterval(clock);
      resized.disconnect();
      bar.destroy();
      dialog?.close();
      app.unfollow(tableId, controller);
    },
  };
}

/** The viewer's seat left out of the running hand, though ready to play: it waits for the big blind to reach it. */
function waitsForBigBlind(model, me) {
  return model.handId !== null && !me.inHand && !me.sittingOut && !me.busted && !model.config.tournamentChips;
}

function firstFreeSeat(model) {
  for (let seat = 0; seat < model.config.seatCount; seat++) {
    if (!model.seat(seat)) {
      return seat;
    }
  }
  return -1;
}
