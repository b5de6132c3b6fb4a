// Diversions (/api/diversions): where customers leave for a competitor, how many came back and bought, and the minimum
// cut (the fewest transitions, by journeys, that cut every path to a competitor), whose edges are marked on the map.
// Raw touchpoints over whole journeys: the path shaping is left out, so at another level the cut is not on the map.
import { getJson } from './api.js';
import { withoutShaping } from './panels.js';
import { agrees, count, counted, percent, esc, nodeName, noJourneys, unavailable } from './format.js';

/** The cut's transitions named in the sentence, the busiest first; the rest are counted. */
const CUT_LISTED = 12;
let latest = 0;

/**
 * Draws the diversions of the filters {@code params}; returns the answer (null when it failed or was overtaken). The
 * cut's transitions are asked down to the journeys of the quietest link of {@code graph}, the map drawn (null: none),
 * as a link's journeys are at most its transition's: every transition of the cut the map draws is listed to be marked.
 */
export async function renderDiversions(container, params, graph) {
  const mine = ++latest;
  const query = withoutShaping(params);
  query.set('limit', '20');
  const links = (graph && graph.links) || [];
  if (links.length) query.set('cutMinJourneys', String(Math.max(1, Math.min(...links.map(link => link.journeys)))));
  try {
    const answer = await getJson('/api/diversions', query);
    if (mine !== latest) return null;
    const rows = answer.diversions || [];
    if (!rows.length) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No selected journey goes from one of our touchpoints to a competitor.'))}</p>`;
      return answer;
    }
    // Each row says whether it is in the whole cut: the cut lists only its busiest transitions, as many as the rows.
    container.innerHTML = `<table class="paths diversions"><thead><tr><th>from</th><th>to competitor</th>
      <th class="num">journeys</th><th class="num" title="share of the journeys that visit the touchpoint">of its visitors</th><th class="num">came back</th>
      <th class="num">then bought</th><th title="in the minimum cut">cut</th></tr></thead><tbody>${rows.map(d => `
      <tr data-touchpoint="${esc(d.touchpoint)}" data-competitor="${esc(d.competitor)}" data-journeys="${d.journeys}"
          class="${d.inCut ? 'in-cut' : ''}">
        <td><b>${esc(nodeName(d.touchpoint))}</b>${d.stage ? ` <span class="muted">${esc(d.stage)}</span>` : ''}</td>
        <td class="warn">${esc(d.competitor)}</td><td class="num">${count(d.journeys)}</td>
        <td class="num">${percent(d.rate, 1)}</td><td class="num">${count(d.cameBack)}</td>
        <td class="num">${count(d.boughtAfterReturn)}</td>
        <td>${d.inCut ? '<i class="ln cut" title="in the minimum cut"></i>' : ''}</td></tr>`).join('')}
      </tbody></table>
      <p class="cut-summary">${cutSentence(answer.minimumCut)}</p><p class="muted" id="cut-on-map"></p>`;
    return answer;
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Diversions', error);
    return null;
  }
}

function cutSentence(minimumCut) {
  const edges = (minimumCut && minimumCut.edges) || [];
  if (!edges.length) return '';
  const total = cutSize(minimumCut);
  const busiest = [...edges].sort((x, y) => y.journeys - x.journeys).slice(0, CUT_LISTED);
  return `<b>Minimum cut:</b> closing ${total === 1 ? 'this transition' : `these ${count(total)} transitions`},
    ${counted(minimumCut.journeys, 'journey')} in all, would cut every way to a competitor:
    ${busiest.map(e => `${esc(nodeName(e.from))} → ${esc(e.to)} (${count(e.journeys)})`).join(', ')}${total > busiest.length
      ? `, and ${total - busiest.length === 1 ? 'a smaller one' : `${count(total - busiest.length)} smaller ones`}` : ''}.`;
}

/** The transitions of the whole cut: the answer lists the busiest, as many as the limit asked. */
const cutSize = minimumCut => Math.max(minimumCut.edgesTotal || 0, minimumCut.edges.length);

const key = (from, to) => `${from}\u0000${to}`;

/**
 * Marks the minimum cut's transitions among the map's links (class min-cut), matched by the labels of their ends, and
 * says in {@code note} how many of them the map shows. O(nodes + links + cut).
 */
export function markMinimumCut(mapContainer, answer, note) {
  const edges = (answer && answer.minimumCut && answer.minimumCut.edges) || [];
  const cut = new Set(edges.map(edge => key(edge.from, edge.to)));
  const labels = new Map([...mapContainer.querySelectorAll('g.node')].map(g => [g.dataset.id, g.dataset.label]));
  // A transition drawn twice (on the way to purchase and after it) counts once.
  const drawn = new Set();
  mapContainer.querySelectorAll('path.link').forEach(link => {
    const transition = key(labels.get(link.dataset.source), labels.get(link.dataset.target));
    const on = cut.has(transition);
    link.classList.toggle('min-cut', on);
    if (on) drawn.add(transition);
  });
  const marked = drawn.size;
  if (!note || !edges.length) return marked;
  // The answer lists every transition of the cut as busy as the map's quietest link: those it leaves out are not drawn.
  const total = cutSize(answer.minimumCut);
  note.textContent = marked === total
    ? `${total === 1 ? 'The transition of the cut is' : `All ${count(total)} transitions of the cut are`} marked on the map.`
    : `${count(marked)} of the ${count(total)} transitions of the cut ${agrees(marked, 'is', 'are')} on the map`
      + `${marked ? ' and marked there' : ''}`
      + ' (the map shows the busiest links at the chosen level; the cut is between touchpoints).';
  return marked;
}
