// The first steps of the journeys as a Sankey diagram (from /api/graph?format=sankey): where journeys go at each step,
// with the less frequent labels merged into "other" and the journeys ending at each step flowing into the outcomes.
import { count, percent, esc, nodeName, fitText, noJourneys } from './format.js';
import * as tooltip from './tooltip.js';

const SINK_COLOURS = { purchase: '#2f9e44', abandoned: '#adb5bd', diverted: '#e8590c', open: '#74c0fc',
  continues: '#dee2e6' };

export function renderSankey(container, data, competitors) {
  container.innerHTML = '';
  if (!data.nodes.length) {
    container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys match the filters.'))}</p>`;
    return;
  }
  const width = Math.max(container.clientWidth || 900, 640);
  const height = Math.max(360, Math.min(640, 26 * d3.max(d3.rollups(data.nodes, v => v.length, d => d.step), d => d[1])));
  const layout = d3.sankey().nodeId(d => d.id).nodeWidth(12).nodePadding(10).nodeAlign(d3.sankeyLeft)
    .extent([[8, 8], [width - 110, height - 8]]);
  const graph = layout({
    nodes: data.nodes.map(d => ({ ...d })),
    links: data.links.filter(l => l.value > 0).map(l => ({ ...l })),
  });
  const total = data.journeys || 1;
  const colour = d => {
    if (d.kind === 'sink') return SINK_COLOURS[d.id] || '#adb5bd';
    if (d.kind === 'other') return '#ced4da';
    return competitors.has(d.name) ? '#e8590c' : '#4c6ef5';
  };
  const svg = d3.select(container).append('svg').attr('viewBox', [0, 0, width, height]).attr('width', width)
    .attr('height', height).attr('role', 'group').attr('aria-label', 'Sankey diagram of the first steps'); // of images
  svg.append('g').attr('fill', 'none').selectAll('path').data(graph.links).join('path')
    .attr('d', d3.sankeyLinkHorizontal())
    .attr('class', 'sankey-link')
    .attr('stroke', l => (l.dropoff ? SINK_COLOURS[l.target.id] : competitors.has(l.target.name) ? '#e8590c' : '#748ffc'))
    .attr('stroke-opacity', l => (l.dropoff ? 0.45 : 0.3))
    .attr('stroke-width', l => Math.max(1, l.width))
    .attr('data-source', l => l.source.id).attr('data-target', l => l.target.id)
    .on('mouseenter', (event, l) => tooltip.show(event, linkTip(l, total)))
    .on('mousemove', tooltip.move).on('mouseleave', tooltip.hide);
  // Every node in the Tab order (at most 8 steps of 9 labels and 5 outcomes, the page's steps and topPerStep): focus
  // shows its tooltip and its name says the same figures. The links stay out of it: hundreds of them, each drop-off
  // link's journeys are its node's figures (bought, abandoned, left, still open here), and the node's tooltip lists its
  // links to the next step with the figures of their tooltips.
  const node = svg.append('g').selectAll('g').data(graph.nodes).join('g').attr('class', 'sankey-node')
    .attr('data-id', d => d.id).attr('tabindex', 0).attr('role', 'img').attr('aria-label', d => nodeSaid(d, total))
    .each(function (d) { tooltip.showOnFocus(this, () => nodeTip(d, total)); });
  node.append('rect').attr('x', d => d.x0).attr('y', d => d.y0).attr('height', d => Math.max(1, d.y1 - d.y0))
    .attr('width', d => d.x1 - d.x0).attr('fill', colour)
    .on('mouseenter', (event, d) => tooltip.show(event, nodeTip(d, total)))
    .on('mousemove', tooltip.move).on('mouseleave', tooltip.hide);
  node.append('text').attr('x', d => d.x1 + 4).attr('y', d => (d.y1 + d.y0) / 2).attr('dy', '0.35em')
    .text(d => (d.y1 - d.y0 >= 7 ? label(d) : ''));
  // A label runs up to the next step's boxes (the last step's to the right edge), not over the labels there.
  const columns = [...new Set(graph.nodes.map(d => d.x0))].sort((a, b) => a - b);
  node.select('text').each(function (d) {
    const next = columns.find(x => x > d.x0);
    fitText(this, (next === undefined ? width : next) - d.x1 - 4 - 6);
  });
}

function label(d) {
  if (d.kind === 'sink') return d.id === 'continues' ? 'continues…' : nodeName(`(${d.id})`);
  return nodeName(d.name);
}

/** The figures of a node, for its tooltip and its name alike: [heading, value]. */
function nodeFacts(d, total) {
  if (d.kind === 'sink') return [['journeys', count(d.value)]];
  return [
    ['journeys', `${count(d.value)} (${percent(d.value / total)})`],
    ['bought here', count(d.purchased)],
    ['abandoned here', count(d.abandoned)],
    ['left for a competitor', count(d.diverted)],
    ['still open here', count(d.open || 0)],
    ['went on', count(d.value - d.purchased - d.abandoned - d.diverted - (d.open || 0))],
  ];
}

/**
 * The figures of a link, for its tooltip and its source node's next steps alike: its journeys, their share of all
 * journeys and of its source node's journeys.
 */
function linkFigures(l, total) {
  return {
    journeys: count(l.value), ofAll: percent(l.value / total, 1), ofSource: percent(l.value / l.source.value, 1),
  };
}

function linkTip(l, total) {
  const figures = linkFigures(l, total);
  return `<strong>${esc(label(l.source))} → ${esc(label(l.target))}</strong><table>
    <tr><th>journeys</th><td>${figures.journeys}</td></tr><tr><th>of all journeys</th><td>${figures.ofAll}</td></tr>
    <tr><th>of ${esc(label(l.source))}'s journeys</th><td>${figures.ofSource}</td></tr></table>`;
}

const NEXT_STEPS_LISTED = 5;

/**
 * Where a node's journeys go at the next step, for its tooltip and its name alike: its links to the next step's
 * nodes, busiest first, as [target, "journeys (share of the node's)"]; past the fifth, one "and N more" with their
 * total. Empty for a sink and at the last step (the journeys going on flow into "continues…", a drop-off link).
 */
function nextSteps(d, total) {
  const links = (d.sourceLinks || []).filter(l => !l.dropoff)
    .sort((a, b) => b.value - a.value || label(a.target).localeCompare(label(b.target)));
  const listed = links.slice(0, NEXT_STEPS_LISTED).map(l => {
    const figures = linkFigures(l, total);
    return [label(l.target), `${figures.journeys} (${figures.ofSource})`];
  });
  const rest = links.slice(NEXT_STEPS_LISTED);
  if (rest.length) {
    const value = d3.sum(rest, l => l.value);
    listed.push([`and ${rest.length} more`, `${count(value)} (${percent(value / d.value, 1)})`]);
  }
  return listed;
}

const nodeTitle = d => (d.kind === 'sink' ? label(d) : `step ${d.step + 1}: ${label(d)}`);
const rows = facts => facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');

function nodeTip(d, total) {
  const next = nextSteps(d, total);
  return `<strong>${esc(nodeTitle(d))}</strong><table>${rows(nodeFacts(d, total))}</table>${next.length
    ? `<div class="tooltip-section">then, at step ${d.step + 2}</div><table>${rows(next)}</table>` : ''}`;
}

/**
 * The tooltip in words: "step 2: Cart: journeys 1,234 (41%), bought here 0, ..., went on 1,100; then, at step 3:
 * Checkout 900 (72.9%), ...".
 */
function nodeSaid(d, total) {
  const said = `${nodeTitle(d)}: ${nodeFacts(d, total).map(([k, v]) => `${k} ${v}`).join(', ')}`;
  const next = nextSteps(d, total);
  return next.length ? `${said}; then, at step ${d.step + 2}: ${next.map(([k, v]) => `${k} ${v}`).join(', ')}` : said;
}
