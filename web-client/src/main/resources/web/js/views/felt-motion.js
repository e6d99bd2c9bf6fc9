// Motion on the felt: cards slide in as they are dealt, a bet that grows pops, chips fly from the bets to the pot when
// a street ends and from the pot to each winner. The felt is drawn whole on every change, so this compares each
// drawing with the one before and animates only what is new. A player who prefers reduced motion gets none (the
// stylesheet turns the animations off, and no chip flies).

const MIDDLE = { left: '50%', top: '50%' };

/** Called after each drawing of the felt (and after placeTokens, so the bets are where they will stay). */
export function animateChanges(felt, model) {
  const before = felt.motion;
  const hand = model.handId ?? model.lastHand?.handId ?? null;
  const time = performance.now();
  // When each card of this hand was first drawn (null: it was there when the page first drew the table). A card is
  // drawn afresh on every change; its animation goes on from where it was, so a busy table does not restart it.
  const firstSeen = new Map();
  const now = { hand, cards: firstSeen, bets: new Map(), awards: model.awards.length };
  for (const card of felt.querySelectorAll('.card[data-card], .card.back')) {
    const seat = card.closest('[data-seat]')?.dataset.seat ?? 'board';
    const key = card.dataset.card ?? `back-${seat}-${[...card.parentElement.children].indexOf(card)}`;
    const seen = before?.hand === hand ? before.cards.get(key) : before ? time : null;
    const at = seen === undefined ? time : seen;
    firstSeen.set(key, at);
    if (at !== null) {
      card.classList.add('dealt');
      card.style.animationDelay = `${-(time - at)}ms`;
    }
  }
  for (const bet of felt.querySelectorAll('.bet')) {
    now.bets.set(bet.id, { cents: bet.dataset.cents, left: bet.style.left, top: bet.style.top });
    if (before && before.bets.get(bet.id)?.cents !== bet.dataset.cents) {
      bet.classList.add('moved');
    }
  }
  if (before && !reducedMotion()) {
    for (const [id, was] of before.bets) {
      if (!now.bets.has(id)) {
        fly(felt, was, MIDDLE); // gathered into the pot
      }
    }
    for (const award of model.awards.slice(before.hand === hand ? before.awards : 0)) {
      const seat = felt.querySelector(`#seat-${award.seat}`);
      if (seat) {
        fly(felt, MIDDLE, { left: seat.style.left, top: seat.style.top });
      }
    }
  }
  felt.motion = now;
}

function reducedMotion() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function fly(felt, from, to) {
  const chip = document.createElement('span');
  chip.className = 'chip flying-chip';
  chip.style.left = from.left;
  chip.style.top = from.top;
  felt.append(chip);
  const flight = chip.animate?.([{ left: from.left, top: from.top }, { left: to.left, top: to.top }],
      { duration: 420, easing: 'ease-in-out' });
  if (!flight) {
    chip.remove();
    return;
  }
  flight.finished.then(() => chip.remove(), () => chip.remove());
}
