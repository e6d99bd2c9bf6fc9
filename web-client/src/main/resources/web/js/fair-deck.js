// Checks a hand's provably fair deck in the browser, independently of the server (docs/provably-fair.md): the revealed
// seed hashes to the commitment published before the hand, and every card the history shows is the one the seed, the
// hand id and the client seeds put at that position of the deck (chipledger-deck-v1). Needs Web Crypto, which the
// browser offers on https pages and on localhost only.

const SCHEME = 'chipledger-deck-v1';
const RANKS = '23456789TJQKA';
const SUITS = 'cdhs';

export function available() {
  return Boolean(globalThis.crypto?.subtle);
}

export async function sha256Hex(bytes) {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The deck the seed deals for the hand, as card names from the first dealt; client seeds as [{seat, seed}]. */
export async function deckOrder(serverSeedHex, handId, clientSeeds = []) {
  const encoder = new TextEncoder();
  const parts = [encoder.encode(SCHEME), u64(handId)];
  for (const { seat, seed } of [...clientSeeds].sort((a, b) => a.seat - b.seat)) {
    const text = encoder.encode(seed);
    parts.push(u32(seat), u32(text.length), text);
  }
  const deckKey = await sign(await hmacKey(fromHex(serverSeedHex)), concat(parts));
  const stream = byteStream(await hmacKey(deckKey));
  const cards = Array.from({ length: 52 }, (_, i) => i);
  for (let i = 51; i >= 1; i--) {
    const n = i + 1;
    let b = await stream.next();
    while (b >= 256 - (256 % n)) {
      b = await stream.next();
    }
    const j = b % n;
    [cards[i], cards[j]] = [cards[j], cards[i]];
  }
  return cards.map(c => RANKS[Math.floor(c / 4)] + SUITS[c % 4]);
}

/**
 * Checks one hand of the JSON history (docs/hand-history-json.md) as its reader sees it. Returns {ok, checked,
 * problem}: {@code checked} counts the cards compared (hidden ones are skipped), {@code problem} says what is wrong.
 */
export async function verifyHand(hand) {
  const deck = hand?.deck;
  if (!deck || !deck.serverSeed) {
    return { ok: false, checked: 0, problem: 'this hand has no deck to check (it was cut short by a crash)' };
  }
  if (deck.scheme !== SCHEME) {
    return { ok: false, checked: 0, problem: `unknown deck scheme ${deck.scheme}` };
  }
  if (!/^[0-9a-f]{64}$/.test(deck.serverSeed)) {
    return { ok: false, checked: 0, problem: 'the revealed seed is not 32 bytes of hex' };
  }
  if (await sha256Hex(fromHex(deck.serverSeed)) !== deck.commitment) {
    return { ok: false, checked: 0, problem: 'the revealed seed does not hash to the commitment published before the hand' };
  }
  const order = await deckOrder(deck.serverSeed, hand.handId, deck.clientSeeds ?? []);
  let position = 0;
  let checked = 0;
  const dealtTo = new Map();
  // Pot-Limit Omaha deals four hole cards, No-Limit Hold'em two (game.variant: docs/hand-history-json.md).
  const holeCards = hand.game?.variant === 'PLO' ? 4 : 2;
  const mismatch = (what, shown, expected) =>
    ({ ok: false, checked, problem: `${what}: the history shows ${shown}, the seed deals ${expected}` });
  for (const event of hand.events ?? []) {
    if (event.type === 'holeCardsDealt' || event.type === 'streetDealt') {
      const count = event.type === 'holeCardsDealt' ? holeCards : event.cards.length;
      const cards = Array.isArray(event.cards) ? event.cards : [];
      const expected = order.slice(position, position + count);
      if (event.type === 'holeCardsDealt') {
        dealtTo.set(event.seat, expected);
      }
      for (let i = 0; i < count; i++) {
        if (cards[i] !== null && cards[i] !== undefined) {
          if (cards[i] !== expected[i]) {
            return mismatch(`card ${position + i + 1} of the deck`, cards[i], expected[i]);
          }
          checked++;
        }
      }
      position += count;
    } else if ((event.type === 'handShown' || event.type === 'handTabled') && Array.isArray(event.cards)) {
      const expected = dealtTo.get(event.seat) ?? [];
      if (event.cards.join(' ') !== expected.join(' ')) {
        return mismatch(`seat ${event.seat} showed`, event.cards.join(' '), expected.join(' '));
      }
    }
  }
  return { ok: true, checked, problem: null };
}

/** The bytes HMAC(key, u64(0)) || HMAC(key, u64(1)) || ..., one at a time; the key is imported once. */
function byteStream(key) {
  let block = new Uint8Array(0);
  let index = 0;
  let counter = 0;
  return {
    async next() {
      if (index === block.length) {
        block = await sign(key, u64(counter++));
        index = 0;
      }
      return block[index++];
    },
  };
}

function hmacKey(keyBytes) {
  return crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** HMAC-SHA256 of the message under an imported key. */
async function sign(key, message) {
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
}

function u64(value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value));
  return bytes;
}

function u32(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function concat(parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function fromHex(text) {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(text.substr(i * 2, 2), 16);
  }
  return bytes;
}

function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
