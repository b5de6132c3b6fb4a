// The page's address beside the filters: each panel keeps its own choices there (compare.js its two sides, the
// prediction its steps, the trends their interval, time to convert its touchpoints), so a view can be shared as a link.

/** The address as the page was opened, read once before the first redraw rewrites it. */
export const opened = new URLSearchParams(location.search);

/** Sets a panel's parameters in the address: {@code values} maps each name to its value, empty ones are left out. */
export function keepInAddress(values) {
  const address = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(values)) {
    if (value) address.set(name, value); else address.delete(name);
  }
  history.replaceState(null, '', address.toString() ? `?${address}` : location.pathname);
}
