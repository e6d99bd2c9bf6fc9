// Table events told as one line each for the dealer log: "bob raises to 3.00", "alice wins side pot 1 (4.00)".
import { amountsOf, fromWire } from '../money.js';
import { cardText } from './cards.js';

const BLINDS = { SMALL_BLIND: 'small blind', BIG_BLIND: 'big blind', ANTE: 'ante', BIG_BLIND_ANTE: 'big blind ante', STRADDLE: 'straddle' };

export function potName(index) {
  return index === 0 ? 'the main pot' : `side pot ${index}`;
}

/** An amount off the wire as the table writes it: money, or whole chips at a sit-and-go's table. */
function amountWriter(model) {
  const { format } = amountsOf(model?.config);
  return text => format(fromWire(text));
}

function nameOf(model, seat) {
  return model.seat(seat)?.player ?? `seat ${seat + 1}`;
}

/** The line for an event already applied to {@code model}, or null for events the log does not show. */
export function describe(event, model) {
  const who = seat => nameOf(model, seat);
  const money = amountWriter(model);
  const { format } = amountsOf(model?.config);
  switch (event.type) {
    case 'seatTaken':
      return `${event.player} sits in seat ${event.seat + 1} with ${money(event.stack)}`;
    case 'toppedUp':
      return `${who(event.seat)} adds ${money(event.amount)} (stack ${money(event.stack)})`;
    case 'satOut':
      return `${who(event.seat)} sits out`;
    case 'satIn':
      return `${who(event.seat)} is back`;
    case 'rebuyOffered':
      return `${who(event.seat)} is out of chips: a rebuy of ${money(event.minBuyIn)} to ${money(event.maxBuyIn)} is open for ${Math.round(event.millisLeft / 1000)} s`;
    case 'seatLeft':
      return `${event.player} leaves the table with ${money(event.cashedOut)}`;
    case 'handStarted':
      return `Hand #${event.handId}: ${who(event.button)} has the button`;
    case 'blindPosted':
      return `${who(event.seat)} posts the ${BLINDS[event.kind] ?? event.kind.toLowerCase()} ${money(event.amount)}`;
    case 'playerActed':
      return `${who(event.seat)} ${actionText(event, money)}${event.allIn ? ' (all-in)' : ''}${event.timedOut ? ' (out of time)' : ''}`;
    case 'uncalledBetReturned':
      return `${money(event.amount)} uncalled returned to ${who(event.seat)}`;
    case 'streetDealt':
      return `${event.street.charAt(0)}${event.street.slice(1).toLowerCase()}: ${event.cards.map(cardText).join(' ')}`;
    case 'cardsShown':
      return `${who(event.seat)} shows ${event.cards.map(cardText).join(' ')}${event.handName ? `: ${event.handName}` : ''}`;
    case 'potAwarded': {
      // A split pot is told as one line with each share (chat-panel.js replaces the pot's earlier line), never as
      // two winners of the whole pot.
      const shares = model.awards.filter(award => award.pot === event.pot);
      const named = event.handName ? ` with ${event.handName}` : '';
      if (shares.length > 1) {
        const total = shares.reduce((sum, award) => sum + award.amount, 0n);
        const name = potName(event.pot);
        return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${format(total)} is split: `
            + shares.map(a => `${a.player} ${format(a.amount)}${a.oddCent ? ' (including the odd cent)' : ''}`).join(', ')
            + named;
      }
      return `${who(event.seat)} wins ${potName(event.pot)} ${money(event.amount)}`
          + `${named}${event.oddCent ? ' (including the odd cent)' : ''}`;
    }
    case 'rakeTaken':
      return `Rake ${money(event.amount)}`;
    case 'handEnded':
      return null;
    case 'handVoided':
      return `Hand #${event.handId} was cancelled (${event.reason}); every chip went back to its seat`;
    case 'tablePaused':
      return `Dealing paused: ${event.reason}`;
    case 'tableResumed':
      return 'Dealing resumed';
    case 'tableClosing':
      return `The table is closing: ${event.reason}`;
    case 'playerRemoved':
      return `${event.player} was removed by an operator: ${event.reason}`;
    case 'connectionChanged':
      return `${who(event.seat)} ${event.connected ? 'reconnected' : 'lost the connection'}`;
    default:
      return null;
  }
}

function actionText(event, money) {
  switch (event.action) {
    case 'FOLD': return 'folds';
    case 'CHECK': return 'checks';
    case 'CALL': return `calls ${money(event.amount)}`;
    case 'BET': return `bets ${money(event.streetTotal)}`;
    case 'RAISE': return `raises to ${money(event.streetTotal)}`;
    default: return `goes all-in for ${money(event.streetTotal)}`;
  }
}
