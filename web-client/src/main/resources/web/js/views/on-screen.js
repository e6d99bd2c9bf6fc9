// Bringing what a player must see on screen, below the sticky top bar, with the least scrolling: at their turn (the
// board, their cards, the action bar and the table's buttons) and at a showdown (the board and the results).

/**
 * Scrolls, if it must, so that the boxes of {@code elements} (those drawn) are all inside the window and below the top
 * bar. When they cannot all fit, the last of them win: their region's bottom goes to the window's bottom.
 */
export function bringOnScreen(elements) {
  const covered = document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0;
  const boxes = elements.filter(e => e && e.getClientRects().length > 0).map(e => e.getBoundingClientRect());
  if (boxes.length === 0) {
    return;
  }
  const top = Math.min(...boxes.map(b => b.top));
  const bottom = Math.max(...boxes.map(b => b.bottom));
  let by = 0;
  if (bottom - top > window.innerHeight - covered || bottom > window.innerHeight) {
    by = bottom - window.innerHeight + 4; // the region's bottom at the window's bottom
  } else if (top < covered) {
    by = top - covered - 4; // its top just under the top bar
  }
  if (Math.abs(by) >= 1) {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: by, behavior: still ? 'instant' : 'smooth' });
  }
}
