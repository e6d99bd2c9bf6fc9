// Where the middle of the felt (the board, the pot and a showdown's results) goes: in the room the seats leave, measured
// from the boxes the screen laid out. How much room there is depends on the screen, the number of seats and how long
// the results are (a split pot between long names takes several lines), so it is measured rather than fixed. Geometry
// only; the felt draws the middle first, centred, and the bets and the dealer button are placed after it.

/** How far the middle keeps from a seat, in pixels. */
const GAP = 3;
/**
 * Narrower results, then smaller type: tried in turn until the middle fits (the last is kept if none does). Last, the
 * whole width in smaller type: round a short felt with nine seats the seats below the middle leave it no room to be
 * narrow and tall, but room to be wide and short.
 */
const STEPS = ['', 'narrow', 'narrow small', 'small'];

/**
 * When the middle of {@code felt}, centred, covers a seat: moves it up or down to the middle of the room between the
 * seats above and below it, and when its parts still cover a seat, makes the results narrower (so they pass between
 * the seats on either side) and then their type smaller. Called after each drawing and when the felt changes size,
 * before the bets are placed.
 */
export function fitCentre(felt) {
  const centre = felt.querySelector('.center');
  if (!centre || felt.clientWidth === 0 || felt.clientHeight === 0) {
    return;
  }
  const local = localBoxes(felt);
  // A seat with its cards: a winning card is raised above its seat's box.
  const seats = [...felt.querySelectorAll('.seat')].map(seat => [seat, ...seat.querySelectorAll('.card')].map(local)
      .reduce((a, b) => ({ left: Math.min(a.left, b.left), top: Math.min(a.top, b.top),
        right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) })));
  const results = centre.querySelector('.results');
  centre.dataset.fit = '';
  centre.style.top = '';
  if (results) {
    results.style.maxWidth = '';
  }
  // Where it is drawn, centred on the felt, unless that covers a seat: the bets are placed round it from there.
  if (!covers(partsOf(centre).map(local), seats)) {
    return;
  }
  for (const step of STEPS) {
    if (step !== '') {
      if (!results) {
        return;
      }
      centre.dataset.fit = step;
      // Measured where the results are now, among the seats level with them.
      results.style.maxWidth = step.includes('narrow') ? `${sideGap(felt, seats, local(results))}px` : '';
    }
    place(felt, centre, local, seats);
    if (!covers(partsOf(centre).map(local), seats)) {
      return;
    }
  }
}

/** Moves {@code centre} so that its parts are half way between the seats above and below them. */
function place(felt, centre, local, seats) {
  const parts = partsOf(centre).map(local);
  if (parts.length === 0) {
    return;
  }
  const top = Math.min(...parts.map(p => p.top));
  const bottom = Math.max(...parts.map(p => p.bottom));
  const box = local(centre);
  // The centre is drawn centred on its spot (translate -50%): its spot moves as far as its parts must.
  const middle = (box.top + box.bottom) / 2 + topOfRoom(felt, seats, parts, top, bottom) - top;
  centre.style.top = `${(100 * middle) / felt.clientHeight}%`;
}

/** The centre's parts that must stay clear of the seats. */
function partsOf(centre) {
  return [...centre.querySelectorAll('.board .card, .pot, .pot-part, .results li')];
}

/** Boxes relative to the felt's padding box, as the positions of its children are. */
function localBoxes(felt) {
  const origin = felt.getBoundingClientRect();
  return element => {
    const r = element.getBoundingClientRect();
    const left = r.left - origin.left - felt.clientLeft;
    const top = r.top - origin.top - felt.clientTop;
    return { left, top, right: left + r.width, bottom: top + r.height };
  };
}

/**
 * Where the top of the parts (together from {@code top} to {@code bottom}) goes: half way between the lowest it may be
 * and the highest, each part clear of the seats in line with it, those above the felt's middle and those below; each
 * part on its own, as the board is narrower than the results under it. The felt's middle when there is no room.
 */
function topOfRoom(felt, seats, parts, top, bottom) {
  const half = felt.clientHeight / 2;
  let highest = 0;
  let lowest = felt.clientHeight - (bottom - top);
  for (const part of parts) {
    for (const s of seats.filter(s => s.right > part.left + GAP && s.left < part.right - GAP)) {
      if ((s.top + s.bottom) / 2 < half) {
        highest = Math.max(highest, s.bottom + GAP - (part.top - top));
      } else {
        lowest = Math.min(lowest, s.top - GAP - (part.bottom - top));
      }
    }
  }
  return highest <= lowest ? (highest + lowest) / 2 : half - (bottom - top) / 2;
}

/**
 * The widest the results may be, centred, to pass between the seats on either side of them: those level with
 * {@code results} (where they are now) that are not in line with the felt's middle.
 */
function sideGap(felt, seats, results) {
  const centreX = felt.clientWidth / 2;
  const level = seats.filter(s => s.bottom > results.top - GAP && s.top < results.bottom + GAP
      && (s.right <= centreX || s.left >= centreX));
  const room = level.map(s => (s.right <= centreX ? centreX - s.right : s.left - centreX));
  const half = room.length ? Math.min(...room) : centreX;
  return Math.max(80, 2 * (half - GAP));
}

function covers(parts, seats) {
  return parts.some(p => seats.some(s => Math.min(p.right, s.right) - Math.max(p.left, s.left) > 0.5
      && Math.min(p.bottom, s.bottom) - Math.max(p.top, s.top) > 0.5));
}
