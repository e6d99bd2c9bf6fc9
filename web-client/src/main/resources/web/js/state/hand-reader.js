// Reads a hand as the server's evaluator does (game/eval): the best five of hole cards and board (any mix in hold'em,
// exactly two hole cards with three of the board in Omaha), named as a showdown announces it ("a pair of Sixes", "a
// full house, Kings full of Nines"), and, between two hands of the same rank, the kicker that decided. For the
// player's own hand while it is played, and to outline the five cards that won at a showdown; the server decides who
// wins, the page only reads.

const RANKS = '23456789TJQKA';
const SUITS = 'cdhs';
const SINGULAR = ['Deuce', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Jack', 'Queen', 'King', 'Ace'];
const PLURAL = ['Deuces', 'Threes', 'Fours', 'Fives', 'Sixes', 'Sevens', 'Eights', 'Nines', 'Tens', 'Jacks', 'Queens', 'Kings', 'Aces'];
const PHRASES = ['high card', 'a pair', 'two pair', 'three of a kind', 'a straight', 'a flush', 'a full house',
  'four of a kind', 'a straight flush'];
/** How many ranks a category's name says (the rest of its tie-break ranks are kickers). */
const NAMED = [1, 1, 2, 1, 1, 1, 2, 1, 1];
const ACE = 12;
const WHEEL_HIGH = 3;

function parse(code) {
  const rank = RANKS.indexOf(code[0].toUpperCase());
  const suit = SUITS.indexOf(code[1].toLowerCase());
  return { code, rank, suit, index: rank * 4 + suit };
}

/** Five cards: {category 0..8, tie: ranks compared in order}. */
function evaluate5(cards) {
  const ranks = cards.map(c => c.rank).sort((a, b) => b - a);
  const flush = cards.every(c => c.suit === cards[0].suit);
  let straightHigh = -1;
  if (new Set(ranks).size === 5) {
    if (ranks[0] - ranks[4] === 4) straightHigh = ranks[0];
    else if (ranks.join() === '12,3,2,1,0') straightHigh = WHEEL_HIGH;
  }
  const counts = new Map();
  ranks.forEach(r => counts.set(r, (counts.get(r) ?? 0) + 1));
  const groups = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const order = groups.map(g => g[0]);
  if (straightHigh >= 0 && flush) return { category: 8, tie: [straightHigh] };
  if (groups[0][1] === 4) return { category: 7, tie: order };
  if (groups[0][1] === 3 && groups[1][1] === 2) return { category: 6, tie: order };
  if (flush) return { category: 5, tie: ranks };
  if (straightHigh >= 0) return { category: 4, tie: [straightHigh] };
  if (groups[0][1] === 3) return { category: 3, tie: order };
  if (groups[0][1] === 2 && groups[1][1] === 2) return { category: 2, tie: order };
  if (groups[0][1] === 2) return { category: 1, tie: order };
  return { category: 0, tie: ranks };
}

/** Positive when {@code a} beats {@code b}, negative when it loses, 0 for a tie. */
export function compare(a, b) {
  if (a.category !== b.category) return a.category - b.category;
  for (let i = 0; i < Math.min(a.tie.length, b.tie.length); i++) {
    if (a.tie[i] !== b.tie[i]) return a.tie[i] - b.tie[i];
  }
  return 0;
}

function* fives(cards) {
  const n = cards.length;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++)
    for (let d = c + 1; d < n; d++) for (let e = d + 1; e < n; e++) yield [cards[a], cards[b], cards[c], cards[d], cards[e]];
}

function* omahaFives(hole, board) {
  for (let i = 0; i < hole.length; i++) for (let j = i + 1; j < hole.length; j++)
    for (let x = 0; x < board.length; x++) for (let y = x + 1; y < board.length; y++)
      for (let z = y + 1; z < board.length; z++) yield [hole[i], hole[j], board[x], board[y], board[z]];
}

const highestFirst = cards => [...cards].sort((a, b) => b.index - a.index);

/**
 * The hand made of {@code hole} and {@code board} (wire codes), or null with fewer than five cards (or, in Omaha, a
 * board of fewer than three): {category, tie, five (wire codes, in the order a showdown shows them), name}.
 * With more than two hole cards the hand is read as Omaha.
 */
export function readHand(hole, board) {
  const h = highestFirst(hole.map(parse));
  const b = highestFirst(board.map(parse));
  const omaha = h.length > 2;
  if (omaha ? b.length < 3 : h.length + b.length < 5) {
    return null;
  }
  let best = null;
  let bestFive = null;
  // The first five reaching the best value, the cards taken highest first: the same five the server shows.
  for (const five of omaha ? omahaFives(h, b) : fives(highestFirst([...h, ...b]))) {
    const value = evaluate5(five);
    if (best === null || compare(value, best) > 0) {
      best = value;
      bestFive = five;
    }
  }
  return { ...best, five: displayOrder(bestFive, best).map(c => c.code), name: nameOf(best), short: shortName(best) };
}

function displayOrder(five, value) {
  const straight = value.category === 4 || value.category === 8;
  if (straight && value.tie[0] === WHEEL_HIGH) {
    return [...five].sort((a, b) => (b.rank === ACE ? -1 : b.rank) - (a.rank === ACE ? -1 : a.rank));
  }
  const count = new Map();
  five.forEach(c => count.set(c.rank, (count.get(c.rank) ?? 0) + 1));
  return [...five].sort((a, b) => count.get(b.rank) - count.get(a.rank) || b.rank - a.rank || b.suit - a.suit);
}

function nameOf({ category, tie }) {
  const [first, second] = tie;
  const phrase = PHRASES[category];
  switch (category) {
    case 0: return `${phrase} ${SINGULAR[first]}`;
    case 1: return `${phrase} of ${PLURAL[first]}`;
    case 2: return `${phrase}, ${PLURAL[first]} and ${PLURAL[second]}`;
    case 3: case 7: return `${phrase}, ${PLURAL[first]}`;
    case 4: return `${phrase}, ${span(first)}`;
    case 5: return `${phrase}, ${SINGULAR[first]} high`;
    case 6: return `${phrase}, ${PLURAL[first]} full of ${PLURAL[second]}`;
    default: return first === ACE ? 'a royal flush' : `${phrase}, ${span(first)}`;
  }
}

/** A name short enough for a seat's plate on a phone: "pair of Sixes", "Kings and Nines", "Ace high". */
function shortName({ category, tie }) {
  const [first, second] = tie;
  switch (category) {
    case 0: return `${SINGULAR[first]} high`;
    case 1: return `pair of ${PLURAL[first]}`;
    case 2: return `${PLURAL[first]} and ${PLURAL[second]}`;
    case 3: return `three ${PLURAL[first]}`;
    case 4: return 'straight';
    case 5: return 'flush';
    case 6: return 'full house';
    case 7: return `four ${PLURAL[first]}`;
    default: return first === ACE ? 'royal flush' : 'straight flush';
  }
}

function span(high) {
  return `${high === WHEEL_HIGH ? SINGULAR[ACE] : SINGULAR[high - 4]} to ${SINGULAR[high]}`;
}

/**
 * The name of {@code winner} as it beat {@code loser}: with ", Ace kicker" when both have the same named hand and a
 * kicker decided ("a pair of Kings, Ace kicker"); the plain name otherwise.
 */
export function nameAgainst(winner, loser) {
  if (!loser || winner.category !== loser.category) {
    return winner.name;
  }
  const named = NAMED[winner.category];
  for (let i = 0; i < named; i++) {
    if (winner.tie[i] !== loser.tie[i]) {
      return winner.name;
    }
  }
  for (let i = named; i < winner.tie.length; i++) {
    if (winner.tie[i] !== loser.tie[i]) {
      return winner.tie[i] > loser.tie[i] ? `${winner.name}, ${SINGULAR[winner.tie[i]]} kicker` : winner.name;
    }
  }
  return winner.name;
}
