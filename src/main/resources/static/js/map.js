// The journey map: touchpoints in columns by stage, left to right, outcomes at the right; link width by journeys,
// competitors and diversions in the warning colour. Pan and zoom with the mouse; hover (or focus a touchpoint) for
// numbers, click (or Enter) for details.
import { count, counted, percent, duration, esc, nodeName, isStoreEmpty } from './format.js';
import * as tooltip from './tooltip.js';

const OUTCOME_COLOURS = { purchase: '#2f9e44', abandoned: '#868e96', diverted: '#e8590c' };
// Colours of the stages by their position in the export's meta.stages (the server's one stage list).
const STAGE_PALETTE = ['#4c6ef5', '#7048e8', '#1c7ed6', '#0ca678', '#f59f00'];
const WARNING = '#e8590c';
/** The width of a touchpoint's box. */
export const NODE_WIDTH = 12;
/** The height of a line of a touchpoint's label, and the room kept between two labels of a column. */
const LINE = 14;
const LABEL_GAP = 3;
/** A column of more touchpoints than this gives each name one line, so that a clickstream's map stays its height. */
const WRAPPED_COLUMN = 40;

/**
 * Column of every node: by stage where the data has stages (in the order of `stages`, the export's meta.stages, then
 * any other stage), else by distance from the start.
 */
function columns(graph, stages) {
  const staged = graph.nodes.filter(n => stages.includes((n.stage || '').toLowerCase())).length;
  const inner = graph.nodes.filter(n => n.kind !== 'start' && n.kind !== 'outcome');
  const column = new Map();
  let titles;
  if (staged >= inner.length / 2) {
    const extra = [...new Set(inner.map(n => (n.stage || '').toLowerCase()).filter(s => !stages.includes(s)))];
    const present = stages.filter(s => inner.some(n => (n.stage || '').toLowerCase() === s));
    titles = [...present, ...extra.map(s => s || 'other')];
    inner.forEach(n => {
      const stage = (n.stage || '').toLowerCase();
      const index = present.indexOf(stage);
      column.set(n.id, 1 + (index >= 0 ? index : present.length + extra.indexOf(stage)));
    });
  } else {
    const depth = new Map([['start', 0]]);
    const queue = ['start'];
    const out = d3.group(graph.links, l => l.source);
    while (queue.length) {
      const id = queue.shift();
      for (const link of out.get(id) || []) {
        if (!depth.has(link.target)) {
          depth.set(link.target, depth.get(id) + 1);
          queue.push(link.target);
        }
      }
    }
    inner.forEach(n => column.set(n.id, depth.get(n.id) ?? 1));
    const deepest = d3.max(inner, n => column.get(n.id)) || 1;
    titles = d3.range(1, deepest + 1).map(d => `step ${d}`);
  }
  const last = titles.length + 1;
  graph.nodes.forEach(n => {
    if (n.kind === 'start') column.set(n.id, 0);
    if (n.kind === 'outcome') column.set(n.id, last);
  });
  return { column, titles: ['start', ...titles, 'outcome'] };
}

export function renderMap(container, graph, { onSelect }) {
  if (!graph.meta.journeys) {
    // Not a lone start node on an empty canvas: the map draws finished journeys, and the filters select none, or the
    // store holds none, said with the way to fill it.
    container.innerHTML = isStoreEmpty()
      ? `<p class="muted empty" id="empty-store">No journeys yet: the store is empty.
        <button type="button" class="ghost" data-open-import>Import journeys from a file</button> of events (CSV or
        NDJSON), or send them to the API as the README's “Importing journeys” shows.</p>`
      : '<p class="muted empty">No finished journeys match the filters.</p>';
    return { nodes: [], links: [] };
  }
  container.innerHTML = '';
  const nodes = graph.nodes.filter(n => n.kind !== 'outcome' || n.journeys > 0);
  const byId = new Map(nodes.map(n => [n.id, n]));
  const links = graph.links.filter(l => byId.has(l.source) && byId.has(l.target));
  const { column, titles } = columns({ nodes, links }, graph.meta.stages);
  const width = Math.max((container.clientWidth || 900) - 2, 720);
  const colCount = titles.length;
  const margin = { top: 34, right: 150, bottom: 16, left: 24 };
  const colWidth = (width - margin.left - margin.right) / Math.max(1, colCount - 1);
  const gap = 16;
  const perColumn = d3.groups(nodes, n => column.get(n.id));
  const crowded = d3.max(perColumn, ([, members]) => members.length) || 1;
  // Tall enough for the most crowded column's gaps and smallest boxes with room to spare, however many links are
  // shown: a column of hundreds of touchpoints would otherwise start above the top and end below the bottom, its boxes
  // all of the smallest height (a negative scale).
  let height = Math.max(560, Math.min(2400, 44 * crowded), Math.ceil(1.5 * (gap + 4) * crowded));
  // One scale for node heights and link widths, as in a Sankey: the busiest column fills the height.
  const scale = d3.min(perColumn, ([, members]) =>
    (height - gap * (members.length - 1) - 4 * members.length) / (d3.sum(members, n => n.journeys) || 1));
  // The labels, measured before the layout: a name wraps (or is cut) within its column, up to the next column's boxes,
  // and each box gets the height of its label, so that no label runs into the next column or over another.
  const svg = d3.select(container).append('svg')
    .attr('role', 'group').attr('aria-label', 'Journey map'); // holds buttons: an img's content is presentational
  const lastColumn = colCount - 1;
  const nameLines = crowded > WRAPPED_COLUMN ? 1 : 3;
  const probe = svg.append('g').attr('class', 'node-labels');
  for (const n of nodes) {
    const room = (column.get(n.id) === lastColumn ? margin.right - 4 : colWidth - 6) - NODE_WIDTH - 5;
    n._label = labelLines(probe, nodeClass(n), nodeName(n.label), count(n.journeys), room, nameLines);
  }
  probe.remove();
  const placed = [];
  for (const [col, members] of perColumn) {
    members.sort((a, b) => (a.owner === 'competitor') - (b.owner === 'competitor') || b.journeys - a.journeys);
    members.forEach(n => { n._h = Math.max(4, n.journeys * scale); });
    // Each box below the one before, apart by the gap and by half of each label: the column's extent, labels
    // included, from its first top to its last bottom.
    let top = Infinity;
    let bottom = -Infinity;
    let before = null;
    for (const n of members) {
      const half = n._label.lines.length * LINE / 2;
      n._y = before ? Math.max(before._y + before._h + gap, before._y + before._h / 2
        + before._label.lines.length * LINE / 2 + LABEL_GAP + half - n._h / 2) : 0;
      top = Math.min(top, n._y, n._y + n._h / 2 - half);
      bottom = Math.max(bottom, n._y + n._h, n._y + n._h / 2 + half);
      before = n;
    }
    placed.push({ col, members, top, bottom });
  }
  height = Math.max(height, Math.ceil(d3.max(placed, p => p.bottom - p.top) || 0));
  for (const { col, members, top, bottom } of placed) {
    const shift = margin.top + (height - (bottom - top)) / 2 - top;
    for (const n of members) {
      n._x = margin.left + col * colWidth;
      n._y += shift;
    }
  }
  const svgHeight = height + margin.top + margin.bottom;
  svg.attr('viewBox', [0, 0, width, svgHeight]).attr('width', width).attr('height', svgHeight);
  const root = svg.append('g');
  svg.call(d3.zoom().scaleExtent([0.3, 6]).filter(event => event.type !== 'wheel' || event.ctrlKey || event.metaKey)
    .on('zoom', event => root.attr('transform', event.transform)));

  root.append('g').attr('class', 'columns').selectAll('text').data(titles).join('text')
    .attr('x', (d, i) => margin.left + i * colWidth + 6).attr('y', 16).attr('text-anchor', 'middle')
    .attr('class', 'column-title').text(d => d);

  const linkWidth = journeys => Math.max(0.8, journeys * scale);
  const nodeWidth = NODE_WIDTH;
  const outs = d3.group(links, l => l.source);
  const ins = d3.group(links, l => l.target);
  const offset = new Map();
  const squeezed = new Map();
  const place = (list, key, ordering) => {
    for (const [id, group] of list) {
      const n = byId.get(id);
      group.sort(ordering);
      const total = d3.sum(group, l => linkWidth(l.journeys));
      const room = Math.max(n._h, 6);
      const squeeze = total > room ? room / total : 1;
      let y = n._y + n._h / 2 - Math.min(total, room) / 2;
      for (const link of group) {
        const w = linkWidth(link.journeys) * squeeze;
        offset.set(link[key], y + w / 2);
        squeezed.set(link._key, Math.min(squeezed.get(link._key) || 1, squeeze));
        y += w;
      }
    }
  };
  links.forEach(l => { l._key = `${l.source}->${l.target}${l.postPurchase ? ':post' : ''}`; l._s = `s:${l._key}`; l._t = `t:${l._key}`; });
  place(outs, '_s', (a, b) => byId.get(a.target)._y - byId.get(b.target)._y);
  place(ins, '_t', (a, b) => byId.get(a.source)._y - byId.get(b.source)._y);

  const path = l => {
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    const sy = offset.get(l._s);
    const ty = offset.get(l._t);
    if (s === t) {
      const x = s._x + nodeWidth;
      return `M${x},${sy} C${x + 40},${sy - 40} ${s._x - 40},${sy - 40} ${s._x},${ty}`;
    }
    const sx = s._x + nodeWidth;
    const tx = t._x;
    if (tx > sx) {
      const mid = (tx - sx) / 2;
      return `M${sx},${sy} C${sx + mid},${sy} ${tx - mid},${ty} ${tx},${ty}`;
    }
    if (column.get(l.source) === column.get(l.target)) {
      const bend = 28 + Math.abs(sy - ty) / 5;
      return `M${sx},${sy} C${sx + bend},${sy} ${sx + bend},${ty} ${t._x + nodeWidth},${ty}`;
    }
    const lift = 60 + Math.abs(sx - tx) / 4;
    return `M${sx},${sy} C${sx + lift},${sy + lift / 3} ${tx - lift},${ty + lift / 3} ${tx},${ty}`;
  };
  const colour = l => {
    if (l.diversion) return WARNING;
    if (l.postPurchase) return OUTCOME_COLOURS.purchase;
    if (l.target === 'purchase') return OUTCOME_COLOURS.purchase;
    if (l.target === 'abandoned') return '#adb5bd';
    return '#5c7cfa';
  };
  const linkSel = root.append('g').attr('class', 'links').attr('fill', 'none')
    .selectAll('path').data([...links].sort((a, b) => a.diversion - b.diversion || a.journeys - b.journeys)).join('path')
    .attr('d', path)
    .attr('class', l => `link${l.diversion ? ' diversion' : ''}${l.postPurchase ? ' post-purchase' : ''}${column.get(l.target) < column.get(l.source) ? ' back' : column.get(l.target) === column.get(l.source) ? ' same' : ''}`)
    .attr('data-source', l => l.source).attr('data-target', l => l.target)
    .attr('stroke', colour)
    .attr('stroke-width', l => {
      const w = Math.max(0.8, linkWidth(l.journeys) * (squeezed.get(l._key) || 1));
      return column.get(l.target) < column.get(l.source) ? Math.min(w, 4) : w;
    })
    .on('mouseenter', (event, l) => tooltip.show(event, linkTip(l, byId)))
    .on('mousemove', tooltip.move)
    .on('mouseleave', tooltip.hide);

  let nodeSel;
  const undim = () => linkSel.classed('dim', false);
  // Hiding the tooltip undims the links, whether the mouse leaves or Escape dismisses it.
  const hover = (event, n) => {
    tooltip.show(event, nodeTip(n, graph), undim);
    linkSel.classed('dim', l => l.source !== n.id && l.target !== n.id);
  };
  const leave = tooltip.hide;
  const select = (event, n) => {
    nodeSel.classed('selected', d => d === n);
    // A toggle button's state, so that a screen reader says which touchpoint the details show.
    nodeSel.filter(selectable).attr('aria-pressed', d => String(d === n));
    onSelect(n);
  };
  nodeSel = root.append('g').attr('class', 'nodes').selectAll('g').data(nodes).join('g')
    .attr('class', n => `node ${nodeClass(n)}`)
    .attr('data-id', n => n.id).attr('data-label', n => n.label)
    .attr('transform', n => `translate(${n._x},${n._y})`)
    .attr('tabindex', n => (selectable(n) ? 0 : null))
    // A button for the keyboard and screen readers: its name says what the tooltip shows, focus shows the tooltip,
    // Enter or Space selects it as a click.
    .attr('role', n => (selectable(n) ? 'button' : null))
    .attr('aria-pressed', n => (selectable(n) ? 'false' : null))
    .attr('aria-label', n => (selectable(n) ? nodeSaid(n, graph) : null))
    // What the map itself says of the node: the experience marks (pain point rank, mean score) add to it.
    .attr('data-said', n => (selectable(n) ? nodeSaid(n, graph) : null))
    .on('mouseenter', hover)
    .on('mousemove', tooltip.move)
    .on('mouseleave', leave)
    .on('click', select)
    .on('keydown', (event, n) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      select(event, n);
    });
  // The Tab order follows the drawing: column by column, left to right, each from the top down.
  nodeSel.sort((a, b) => a._x - b._x || a._y - b._y);
  // Keyboard focus shows what a hover shows, beside the box, as there is no mouse position.
  nodeSel.filter(selectable).each(function (n) {
    tooltip.showOnFocus(this, () => nodeTip(n, graph), {
      onShow: () => linkSel.classed('dim', l => l.source !== n.id && l.target !== n.id),
      onHide: undim,
    });
  });
  nodeSel.append('rect')
    .attr('width', nodeWidth).attr('height', n => n._h).attr('rx', 3)
    .attr('fill', n => fill(n, graph.meta.stages))
    .attr('data-fill', n => fill(n, graph.meta.stages));
  // The names and counts in a layer above every box: a label runs into the next column, where a box drawn after it
  // would hide it (the busiest nodes' counts were under the purchase stage's boxes).
  const labelSel = root.append('g').attr('class', 'node-labels').selectAll('g').data(nodes).join('g')
    .attr('class', n => `node-label ${nodeClass(n)}`)
    .attr('transform', n => `translate(${n._x},${n._y})`)
    .on('mouseenter', hover)
    .on('mousemove', tooltip.move)
    .on('mouseleave', leave)
    .on('click', select);
  labelSel.attr('data-cut', n => (n._label.cut ? 'true' : null));
  labelSel.append('text').attr('x', nodeWidth + 5).attr('dy', '0.35em')
    .attr('y', n => n._h / 2 - (n._label.lines.length - 1) * LINE / 2)
    .each(function (n) { drawLabel(d3.select(this), n._label, nodeWidth + 5); });
  return { nodes, links };
}

const selectable = n => n.kind === 'touchpoint' || n.kind === 'label';
const nodeClass = n => `${n.kind} ${n.owner === 'competitor' ? 'competitor' : 'own'}`;

/**
 * A node's label in lines of at most `room` pixels, measured in `layer` as the map draws it: the name wrapped between
 * words (a page address between its parts, a word longer than the room anywhere), at most `maxLines` lines, the last
 * cut with an ellipsis (the tooltip says the whole name); the figure after the last line where it fits, else on a
 * line of its own. Returns { lines: [[name part, figure or null]], cut }.
 */
function labelLines(layer, classes, name, figure, room, maxLines) {
  const text = layer.append('g').attr('class', `node-label ${classes}`).append('text');
  const namePart = text.append('tspan').attr('class', 'name');
  const figurePart = text.append('tspan').attr('class', 'figure');
  const wide = (part, value) => { part.text(value); return part.node().getComputedTextLength(); };
  const figureWidth = wide(figurePart, figure) + 5;
  const lines = [];
  let line = '';
  for (const token of name.match(/[^\s/?&=_-]*[\s/?&=_-]*/g).filter(Boolean)) {
    // Past the last line shown the rest is cut: no more measuring (a page address may have hundreds of characters).
    if (lines.length > maxLines) break;
    // The spaces at a line's end take no room.
    if (wide(namePart, (line + token).trimEnd()) <= room) { line += token; continue; }
    if (line) lines.push(line);
    line = token;
    // A part wider than the room alone is broken with a hyphen where it fills a line, leaving three letters or more.
    while (lines.length <= maxLines && line.trimEnd().length > 4 && wide(namePart, line.trimEnd()) > room) {
      let fits = 1;
      while (fits < line.length - 1 && wide(namePart, `${line.slice(0, fits + 1)}-`) <= room) fits++;
      fits = Math.max(2, Math.min(fits, line.trimEnd().length - 3));
      lines.push(`${line.slice(0, fits)}-`);
      line = line.slice(fits);
    }
  }
  if (line || !lines.length) lines.push(line);
  let cut = false;
  if (lines.length > maxLines) {
    lines.length = maxLines;
    let last = lines[maxLines - 1].trimEnd();
    while (last.length > 1 && wide(namePart, `${last}…`) > room) last = last.slice(0, -1).trimEnd();
    lines[maxLines - 1] = `${last}…`;
    cut = true;
  }
  const result = lines.map(part => [part, null]);
  const end = result[result.length - 1];
  if (wide(namePart, end[0].trimEnd()) + figureWidth <= room) {
    end[0] = end[0].trimEnd();
    end[1] = figure;
  } else {
    result.push(['', figure]);
  }
  text.node().parentNode.remove();
  return { lines: result, cut };
}

/** Draws a label's lines into `text`: one name part, with its lines in it, and the figure after it. */
function drawLabel(text, label, x) {
  const name = text.append('tspan').attr('class', 'name');
  label.lines.forEach(([part], i) => {
    if (!part) return;
    const line = name.append('tspan').text(part);
    if (i > 0) line.attr('x', x).attr('dy', LINE);
  });
  const at = label.lines.findIndex(([, figure]) => figure != null);
  const figure = text.append('tspan').attr('class', 'figure').text(label.lines[at][1]);
  if (at === 0 || label.lines[at][0]) figure.attr('dx', 5); else figure.attr('x', x).attr('dy', LINE);
}

function fill(n, stages) {
  if (n.kind === 'outcome') return OUTCOME_COLOURS[n.id] || '#868e96';
  if (n.kind === 'start') return '#343a40';
  if (n.owner === 'competitor') return WARNING;
  const position = stages.indexOf((n.stage || '').toLowerCase());
  return position >= 0 ? STAGE_PALETTE[position % STAGE_PALETTE.length] : STAGE_PALETTE[0];
}

/**
 * The figures of a node, for its tooltip and its accessible name alike: [heading, value, the phrase a screen reader
 * hears (heading then value where left out)].
 */
function nodeFacts(n, graph) {
  const share = graph.meta && graph.meta.journeys ? n.journeys / graph.meta.journeys : null;
  const facts = [
    ['journeys', `${count(n.journeys)} (${percent(share)})`, `${counted(n.journeys, 'journey')} (${percent(share)})`],
    ['visits', count(n.visits), counted(n.visits, 'visit')],
  ];
  if (n.kind !== 'outcome' && n.purchaseProbability != null) {
    facts.push(['then buy', percent(n.purchaseProbability)]);
    facts.push(['then abandon', percent(n.abandonProbability)]);
    facts.push(['then go to a competitor', percent(n.divertProbability)]);
  }
  if (n.stage && n.kind !== 'outcome' && n.kind !== 'start') facts.push(['stage', n.stage]);
  if (n.channel) facts.push(['channel', n.channel]);
  return facts;
}

function nodeTip(n, graph) {
  return `<strong>${esc(nodeName(n.label))}</strong>${n.owner === 'competitor' ? ' <em class="warn">competitor</em>' : ''}
    ${n.painRank ? `<div class="warn">⚠ pain point #${n.painRank}</div>` : ''}
    <table>${nodeFacts(n, graph).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

/** The tooltip in words: "Cart: 1,234 journeys (41%), 1,502 visits, then buy 30%, …, stage purchase". */
function nodeSaid(n, graph) {
  return `${nodeName(n.label)}${n.owner === 'competitor' ? ' (competitor)' : ''}: `
    + nodeFacts(n, graph).map(([k, v, said]) => said || `${k} ${v}`).join(', ');
}

/**
 * The figures of a link, for its tooltip and the touchpoint details alike (a link is not in the Tab order: there may
 * be thousands): [heading, value, the phrase the details list says (heading then value where left out)].
 */
export function linkFacts(l, byId) {
  const source = nodeName(byId.get(l.source).label);
  const facts = [
    ['journeys', count(l.journeys), counted(l.journeys, 'journey')],
    ['transitions', count(l.count), counted(l.count, 'transition')],
    [`of next steps from ${source}`, percent(l.probability, 1), `${percent(l.probability, 1)} of ${source}'s next steps`],
  ];
  if (l.medianSeconds != null) facts.push(['median time', duration(l.medianSeconds)]);
  return facts;
}

function linkTip(l, byId) {
  const s = byId.get(l.source);
  const t = byId.get(l.target);
  return `<strong>${esc(nodeName(s.label))} → ${esc(nodeName(t.label))}</strong>
    ${l.diversion ? '<div class="warn">diversion to a competitor</div>' : ''}
    ${l.postPurchase ? '<div>after the purchase</div>' : ''}
    <table>${linkFacts(l, byId).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}
