// Finding one touchpoint among thousands: a datalist of every name for typing ahead, a lookup that accepts any case
// or a unique part of a name, and the map centred on the found touchpoint (its node scrolled into view and opened).
import { getJson, listOf } from './api.js';

let names = [];

/** Offers every touchpoint name in the search box's list (the browser filters it as the user types). */
export function fillTouchpointNames(datalist, touchpoints) {
  names = touchpoints.map(t => t.name).filter(Boolean).sort();
  datalist.innerHTML = '';
  const options = document.createDocumentFragment();
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    options.appendChild(option);
  }
  datalist.appendChild(options);
}

/** The touchpoint a typed text means: the exact name, else the one name equal ignoring case or containing it. */
export async function findTouchpoint(text) {
  const wanted = (text || '').trim();
  if (!wanted) return { name: null, message: '' };
  if (!names.length) {
    try {
      names = listOf(await getJson('/api/touchpoints'), 'touchpoints').map(t => t.name).filter(Boolean);
    } catch (error) {
      return { name: null, message: `touchpoints unavailable: ${error.message}` };
    }
  }
  if (names.includes(wanted)) return { name: wanted, message: '' };
  const lower = wanted.toLowerCase();
  const sameCase = names.filter(name => name.toLowerCase() === lower);
  if (sameCase.length === 1) return { name: sameCase[0], message: '' };
  const containing = names.filter(name => name.toLowerCase().includes(lower));
  if (containing.length === 1) return { name: containing[0], message: '' };
  if (containing.length === 0) return { name: null, message: `no touchpoint matches “${wanted}”` };
  return { name: null, message: `${containing.length} touchpoints match “${wanted}”: pick one from the list` };
}

/**
 * The part of a graph of the journeys through {@code name} (asked with contains=) worth drawing: every link into or
 * out of the touchpoint, then the busiest other links up to {@code maxEdges}, and the nodes they join. The
 * touchpoint's own links stay even when they are not among the busiest, so that the map can always centre on it.
 */
export function aroundTouchpoint(graph, name, maxEdges) {
  const focus = graph.nodes.find(n => n.label === name);
  if (!focus) return graph;
  const own = graph.links.filter(l => l.source === focus.id || l.target === focus.id);
  const others = graph.links.filter(l => l.source !== focus.id && l.target !== focus.id)
    .sort((a, b) => b.journeys - a.journeys).slice(0, Math.max(0, maxEdges - own.length));
  const links = [...own, ...others];
  const used = new Set(links.flatMap(l => [l.source, l.target]));
  const nodes = graph.nodes.filter(n => used.has(n.id));
  return { ...graph, nodes, links, meta: { ...graph.meta, nodes: nodes.length, links: links.length } };
}

/**
 * Scrolls the map to the node of touchpoint {@code name}, marks it and opens its details; false when the map has no
 * node of that label (at the channel or stage level, or under a grouping rule, it is inside another label).
 */
export function centre(container, graph, name, onSelect) {
  const node = graph.nodes.find(n => n.label === name);
  if (!node) return false;
  const element = [...container.querySelectorAll('g.node')].find(g => g.dataset.label === name);
  if (element) {
    element.classList.add('selected', 'focus');
    element.setAttribute('aria-pressed', 'true');
    element.scrollIntoView({ block: 'center', inline: 'center' });
  }
  onSelect(node);
  return true;
}
