// Where the bets and the dealer button go on the felt: measured from the boxes the screen laid out, so that on any
// screen they sit next to their seat and clear of everything else. Geometry only; the felt draws them first.

/** How far a bet or the dealer button keeps from a seat, the board and each other, in pixels. */
const GAP = 3;
/** Turns (radians) off the line from a seat to the centre tried in order for its bet, and for the dealer button. */
const BET_TURNS = [0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1, -1];
const BUTTON_TURNS = [0.6, -0.6, 0.9, -0.9, 1.2, -1.2, 0.3, -0.3, 0];

/**
 * Moves each bet, and the dealer button, to just clear of its seat (plate and cards) on the way to the centre, and
 * clear of the other seats, the board, the pot and each other: on a phone nine plates leave little room, and how much
 * depends on the sizes the screen gives the felt and the plates, so it is measured rather than fixed. Each is tried on
 * the line to the centre and a little to either side, and goes where it first fits. Where nothing is laid out (no
 * size) they stay where renderFelt (table-felt.js) put them. Called after each drawing and when the felt changes size.
 */
export function placeTokens(felt) {
  const width = felt.clientWidth;
  const height = felt.clientHeight;
  if (width === 0 || height === 0) {
    return;
  }
  const origin = felt.getBoundingClientRect();
  const local = element => {
    const r = element.getBoundingClientRect();
    const left = r.left - origin.left - felt.clientLeft;
    const top = r.top - origin.top - felt.clientTop;
    return { left, top, right: left + r.width, bottom: top + r.height, width: r.width, height: r.height };
  };
  const seats = [...felt.querySelectorAll('.seat')];
  const seatBoxes = seats.map(local);
  const taken = [...seatBoxes, ...[...felt.querySelectorAll('.center .card, .pot, .pot-part, .results li')].map(local)];
  const centre = { x: width / 2, y: height / 2 };
  seats.forEach((seat, index) => {
    const number = seat.dataset.seat;
    const tokens = [[felt.querySelector(`#bet-${number}`), BET_TURNS],
      [felt.querySelector(`#dealer-button[data-seat="${number}"]`), BUTTON_TURNS]].filter(([token]) => token);
    if (tokens.length === 0) {
      return;
    }
    const own = seatBoxes[index];
    const at = { x: (own.left + own.right) / 2, y: (own.top + own.bottom) / 2 }; // a seat is centred on its spot
    const reach = Math.hypot(centre.x - at.x, centre.y - at.y);
    const towards = { x: (centre.x - at.x) / (reach || 1), y: (centre.y - at.y) / (reach || 1) };
    for (const [token, turns] of tokens) {
      const spot = fit(local(token), at, towards, turns, own, taken.filter(box => box !== own), reach, width, height);
      move(token, spot, width, height);
      taken.push(spot.box);
    }
  });
}

/**
 * The first spot, trying each turn in order, where a token of {@code size} is clear of its seat and of everything
 * taken, inside the felt and no further than the centre; failing that, the nearest such spot further out; failing
 * that, just clear of its seat on the line to the centre.
 */
function fit(size, at, towards, turns, own, taken, reach, width, height) {
  let further = null;
  for (const turn of turns) {
    const direction = { x: towards.x * Math.cos(turn) - towards.y * Math.sin(turn),
      y: towards.x * Math.sin(turn) + towards.y * Math.cos(turn) };
    let distance = clearOf(own, at, direction, size);
    for (let moved = true, rounds = 0; moved && rounds < 10; rounds++) {
      moved = false;
      for (const box of taken) {
        const past = pastBox(box, at, direction, size, distance);
        if (past !== distance) {
          distance = past;
          moved = true;
        }
      }
    }
    const spot = token(at, direction, distance, size);
    const inside = spot.box.left >= 0 && spot.box.top >= 0 && spot.box.right <= width && spot.box.bottom <= height;
    if (inside && distance <= reach) {
      return spot;
    }
    if (inside && (further === null || distance < further.distance)) {
      further = { ...spot, distance };
    }
  }
  return further ?? token(at, towards, clearOf(own, at, towards, size), size);
}

function token(from, direction, distance, size) {
  const x = from.x + direction.x * distance;
  const y = from.y + direction.y * distance;
  return { x, y, box: { left: x - size.width / 2, top: y - size.height / 2, right: x + size.width / 2,
    bottom: y + size.height / 2 } };
}

function move(element, { x, y }, width, height) {
  element.style.left = `${(100 * x) / width}%`;
  element.style.top = `${(100 * y) / height}%`;
}

/** The distance from {@code from} (inside {@code box}) along {@code direction} at which a token of {@code size} is clear of the box. */
function clearOf(box, from, direction, size) {
  const halfWidth = size.width / 2 + GAP;
  const halfHeight = size.height / 2 + GAP;
  const byX = direction.x > 0 ? (box.right + halfWidth - from.x) / direction.x
    : direction.x < 0 ? (from.x - box.left + halfWidth) / -direction.x : Infinity;
  const byY = direction.y > 0 ? (box.bottom + halfHeight - from.y) / direction.y
    : direction.y < 0 ? (from.y - box.top + halfHeight) / -direction.y : Infinity;
  return Math.min(byX, byY);
}

/** {@code distance}, or further along if a token of {@code size} there would cover {@code box}: just past it. */
function pastBox(box, from, direction, size, distance) {
  let enter = -Infinity;
  let leave = Infinity;
  for (const [start, low, high, step, half] of [
    [from.x, box.left, box.right, direction.x, size.width / 2 + GAP],
    [from.y, box.top, box.bottom, direction.y, size.height / 2 + GAP]]) {
    if (Math.abs(step) < 1e-9) {
      if (start <= low - half || start >= high + half) {
        return distance;
      }
      continue;
    }
    const a = (low - half - start) / step;
    const b = (high + half - start) / step;
    enter = Math.max(enter, Math.min(a, b));
    leave = Math.min(leave, Math.max(a, b));
  }
  return enter < leave && distance > enter && distance < leave ? leave : distance;
}
