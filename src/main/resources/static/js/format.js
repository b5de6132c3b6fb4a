// Number and text formatting shared by the views.

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const count = value => (value == null || Number.isNaN(value) ? '–' : integer.format(value));
/**
 * A count with its noun, singular for one: "1 journey", "2 journeys", "1,234 journeys"; {@code plural} where it is not
 * the noun with an s ("1 reply", "2 replies").
 */
export const counted = (value, noun, plural = `${noun}s`) => `${count(value)} ${value === 1 ? noun : plural}`;
/** The form of a verb that agrees with a count: {@code one} for one ("1 journey ends"), else {@code many}. */
export const agrees = (value, one, many) => (value === 1 ? one : many);
export const short = value => (value == null || Number.isNaN(value) ? '–' : compact.format(value));

export function percent(value, digits = 0) {
  if (value == null || Number.isNaN(value)) {
    return '–';
  }
  const scaled = value * 100;
  return `${scaled.toFixed(scaled > 0 && scaled < 1 && digits === 0 ? 1 : digits)}%`;
}

export function duration(seconds) {
  if (seconds == null || Number.isNaN(seconds)) {
    return '–';
  }
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** Escapes text for HTML. */
export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A readable node name: "(purchase)" -> "purchase". */
export const nodeName = label => (label && label.startsWith('(') && label.endsWith(')') ? label.slice(1, -1) : label);

/**
 * The store's counts as the page last read them (/api/stats, before each redraw), null when unknown: a view with no
 * journey to show says that the store is empty and how to fill it, not that the filters select none, and one with no
 * purchase to show does not ask to import purchases that the store has.
 */
let store = null;
export function setStore(stats) {
  store = stats || null;
}
export const isStoreEmpty = () => Boolean(store) && !store.journeys;
export const storeHasPurchases = () => Boolean(store && store.outcomes && store.outcomes.PURCHASE);

/** What a view with no journey to show says: {@code filtered} (the filters select none), or that the store is empty. */
export function noJourneys(filtered) {
  return isStoreEmpty()
    ? 'No journeys yet: the store is empty. Import a file of events under “Import journeys from a file” above.'
    : filtered;
}

/** Why a request failed, in words: the server's problem title and detail where it gave both, else the message. */
export function reason(error) {
  const problem = error && error.problem;
  if (problem && problem.title && problem.detail && problem.detail !== problem.title) {
    return `${problem.title}: ${problem.detail}`;
  }
  return error && error.message ? error.message : '';
}

/** A panel's content when its data cannot be had; data-reason keeps why, for the page's status line. */
export function unavailable(what, error) {
  return `<div class="unavailable" data-reason="${esc(reason(error))}"><strong>${esc(what)} unavailable</strong>`
    + `<span>${esc(error && error.message ? error.message : '')}</span></div>`;
}

/**
 * Cuts the text of {@code part} (the SVG text element {@code text} itself, or one of its tspans) with an ellipsis until
 * the whole text fits {@code room} pixels, and marks the text's parent data-cut; the charts keep the whole name in the
 * tooltip and the accessible name. Measures only texts that might not fit: O(log length) measures each.
 */
export function fitText(text, room, part = text) {
  const full = part.textContent;
  // No glyph of the charts' fonts is wider than 9 pixels: so short a text fits without measuring.
  if (text.textContent.length * 9 <= room || text.getComputedTextLength() <= room) return;
  let fits = 0;
  let tooLong = full.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    part.textContent = `${full.slice(0, middle).trimEnd()}…`;
    if (text.getComputedTextLength() <= room) fits = middle; else tooLong = middle;
  }
  part.textContent = `${full.slice(0, fits).trimEnd()}…`;
  text.parentNode.dataset.cut = 'true';
}
