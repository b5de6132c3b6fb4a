// One floating tooltip for every chart: at the mouse on hover, beside the element when it gets keyboard focus.
const box = () => document.getElementById('tooltip');
const PAD = 14;
const nothing = () => {};
/** What the owner of the tooltip showing undoes when it hides (the map undims the other touchpoints' links). */
let undo = nothing;
/**
 * The keyboard-focused element's tooltip, {element, html, onShow, onHide}, while it has focus and was not dismissed:
 * a hover elsewhere borrows the tooltip, and the focused one's comes back when the mouse leaves (WCAG 1.4.13).
 */
let focusedTip = null;

// Escape hides whatever tooltip shows, by hover or by focus, without moving the focus (WCAG 1.4.13: content shown on
// hover or focus can be dismissed): one handler for the whole page, as the mouse may rest on any chart.
document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && !box().hidden) {
    focusedTip = null;
    hide();
  }
});

/** Shows the tooltip at the mouse, for a hover; `onHide` runs when it hides (mouse leaving, Escape, another tip). */
export function show(event, html, onHide = nothing) {
  fill(html, onHide);
  move(event);
}

/** Shows the tooltip to the right of `element` (left of it where the window ends), for keyboard focus. */
export function showBeside(element, html, onHide = nothing) {
  fill(html, onHide);
  const rect = element.getBoundingClientRect();
  place(rect.right, rect.top, rect.left);
}

/**
 * The keyboard's tooltip of a focusable `element`: while it has focus the tooltip `html()` shows beside it; blur hides
 * it, and so does Escape (the page's handler above). `onShow` and `onHide` run along (the map dims the other
 * touchpoints' links). The element's name should say the same figures.
 */
export function showOnFocus(element, html, { onShow = nothing, onHide = nothing } = {}) {
  element.addEventListener('focus', () => {
    focusedTip = { element, html, onShow, onHide };
    showFocused();
  });
  element.addEventListener('blur', () => {
    if (focusedTip && focusedTip.element === element) focusedTip = null;
    hide();
  });
}

function showFocused() {
  showBeside(focusedTip.element, focusedTip.html(), focusedTip.onHide);
  focusedTip.onShow();
}

export function move(event) {
  place(event.clientX, event.clientY, event.clientX);
}

/** Hides the tooltip (the mouse left what it shows); the focused element's comes back, if one has the focus. */
export function hide() {
  box().hidden = true;
  const undone = undo;
  undo = nothing;
  undone();
  if (focusedTip && document.activeElement === focusedTip.element) showFocused();
}

function fill(html, onHide) {
  const undone = undo;
  undo = onHide;
  undone();
  const tip = box();
  tip.innerHTML = html;
  tip.hidden = false;
}

/** Below and right of (x, y), flipped to the left of `left` or above y where the window ends. */
function place(x, y, left) {
  const tip = box();
  const { innerWidth, innerHeight } = window;
  const rect = tip.getBoundingClientRect();
  let tipX = x + PAD;
  let tipY = y + PAD;
  if (tipX + rect.width > innerWidth - 8) tipX = left - rect.width - PAD;
  if (tipY + rect.height > innerHeight - 8) tipY = y - rect.height - PAD;
  tip.style.left = `${Math.max(4, tipX)}px`;
  tip.style.top = `${Math.max(4, tipY)}px`;
}
