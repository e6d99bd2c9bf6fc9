// Names too long for their plate, cut in the middle ("Maxim…W_1280") rather than at the end, and never two alike: names
// that share a beginning (and would all read "Maximilian_…") keep the end that tells them apart. The whole name stays
// the element's title. Measured in the page, since how much fits depends on the plate's width and the font.

const ELLIPSIS = '…';
/** What was worked out already: a drawing a frame must not measure every name again. "width|tail|name" to text. */
const cuts = new Map();

/** Cuts each of the felt's names to fit its plate, drawn just now with the whole name as its text and title. */
export function cutNames(felt) {
  const elements = [...felt.querySelectorAll('.seat-name[title]')];
  const names = elements.map(element => element.title);
  // Every width read at once, before any text is written: one layout a drawing, not one a name (a busy table draws
  // many times a second, and a page short of CPU fell behind).
  const widths = elements.map(element => element.clientWidth);
  const shown = elements.map((element, i) => cut(element, names[i], defaultTail(names[i]), widths[i]));
  // Different names that read alike once cut: each keeps the end where it differs from the others.
  const alike = shown.map((text, i) => names.filter((name, j) => name !== names[i] && shown[j] === text));
  alike.forEach((others, i) => {
    if (others.length > 0) {
      const tail = Math.max(defaultTail(names[i]), ...others.map(other => differingTail(names[i], other)));
      cut(elements[i], names[i], tail, widths[i]);
    }
  });
}

function defaultTail(name) {
  return Math.min(4, Math.floor(name.length / 3));
}

/** How many characters from its end {@code name} must show to differ from {@code other}'s end. */
function differingTail(name, other) {
  let n = 1;
  while (n < name.length && name.slice(-n) === other.slice(-n)) {
    n++;
  }
  return n;
}

/**
 * The name as drawn in {@code element}: whole if it fits, else its longest beginning that fits before "…" and its last
 * {@code tail} characters.
 */
function cut(element, name, tail, width) {
  const key = `${width}|${tail}|${name}`;
  let text = cuts.get(key);
  if (text === undefined) {
    text = measure(element, name, tail);
    if (cuts.size > 500) {
      cuts.clear();
    }
    cuts.set(key, text);
  }
  if (element.textContent !== text) {
    element.textContent = text;
  }
  return text;
}

function measure(element, name, tail) {
  element.textContent = name;
  if (element.scrollWidth <= element.clientWidth || element.clientWidth === 0) {
    return name;
  }
  const end = name.slice(name.length - tail);
  let low = 0; // on the narrowest plate the end alone ("…W_375"): the part that tells it apart
  let high = name.length - tail - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    element.textContent = name.slice(0, mid) + ELLIPSIS + end;
    if (element.scrollWidth <= element.clientWidth) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return name.slice(0, low) + ELLIPSIS + end;
}
