// Top paths, funnel, attribution and downloads: each fetches its own data and shows "unavailable" on failure.
import { getJson, listOf } from './api.js';
import { count, percent, duration, esc, nodeName, unavailable } from './format.js';

export async function renderPaths(container, params, outcome, competitors) {
  const query = new URLSearchParams(params);
  query.set('outcome', outcome);
  query.set('limit', '10');
  try {
    const answer = await getJson('/api/paths/top', query);
    const paths = listOf(answer, 'paths', 'variants');
    if (!paths.length) {
      container.innerHTML = '<p class="muted">No journeys with this outcome match the filters.</p>';
      return;
    }
    const max = Math.max(...paths.map(p => p.journeys));
    container.innerHTML = `<table class="paths"><thead><tr><th>path</th><th class="num">journeys</th><th class="num">share</th>
      ${outcome === 'purchase' ? '' : '<th class="num">buy rate</th>'}</tr></thead><tbody>${paths.map(p => `
      <tr><td><div class="chips">${(p.steps || p.path || []).map(s =>
        `<span class="chip${competitors.has(s) ? ' competitor' : ''}">${esc(nodeName(s))}</span>`).join('<span class="arrow">›</span>')}</div>
        <div class="bar"><i style="width:${(100 * p.journeys / max).toFixed(1)}%"></i></div></td>
        <td class="num">${count(p.journeys)}</td><td class="num">${percent(p.share, 1)}</td>
        ${outcome === 'purchase' ? '' : `<td class="num">${percent(p.purchaseRate)}</td>`}</tr>`).join('')}</tbody></table>
      ${answer.other && answer.other.journeys ? `<p class="muted">…and ${count(answer.other.variants)} other paths with ${count(answer.other.journeys)} journeys.</p>` : ''}`;
  } catch (error) {
    container.innerHTML = unavailable('Top paths', error);
  }
}

export async function renderFunnel(container, params) {
  try {
    const answer = await getJson('/api/funnel', new URLSearchParams(params));
    const stages = listOf(answer, 'stages');
    if (!stages.length) {
      container.innerHTML = '<p class="muted">No stages to show.</p>';
      return stages;
    }
    const max = Math.max(...stages.map(s => s.journeys), 1);
    container.innerHTML = `<ol class="funnel">${stages.map((s, i) => `
      <li><div class="funnel-row"><span class="stage">${esc(s.stage)}</span>
        <span class="funnel-bar"><i style="width:${(100 * s.journeys / max).toFixed(1)}%"></i></span>
        <span class="num">${count(s.journeys)}</span></div>
        <div class="funnel-sub">${i === 0 ? `${percent(s.shareOfTotal)} of all journeys` : `${percent(s.conversion)} of the previous stage`}
        ${s.droppedOut ? ` · ${count(s.droppedOut)} do not reach the next stage${topList(s.abandonedAt, 'abandon at')}${topList(s.divertedTo, 'leave for')}` : ''}</div></li>`).join('')}</ol>`;
    return stages;
  } catch (error) {
    container.innerHTML = unavailable('Funnel', error);
    return null;
  }
}

function topList(items, verb) {
  if (!items || !items.length) return '';
  return `; most ${verb} ${items.slice(0, 2).map(i => `${esc(nodeName(i.label))} (${count(i.journeys)})`).join(', ')}`;
}

export async function renderAttribution(container, select, params) {
  try {
    const answer = await getJson('/api/attribution', new URLSearchParams(params));
    const models = Array.isArray(answer) ? answer
      : Array.isArray(answer.models) ? answer.models : [answer];
    const usable = models.filter(m => m && Array.isArray(m.credits));
    if (!usable.length) {
      container.innerHTML = unavailable('Attribution', new Error('no model in the answer'));
      return;
    }
    const previous = select.value;
    select.innerHTML = usable.map((m, i) => `<option value="${i}">${esc(m.model || `model ${i + 1}`)}</option>`).join('');
    select.hidden = usable.length < 2;
    const chosen = usable.findIndex(m => m.model === previous);
    select.value = String(chosen >= 0 ? chosen : Math.max(0, usable.findIndex(m => /markov/i.test(m.model || ''))));
    const draw = () => {
      const model = usable[Number(select.value)] || usable[0];
      const credits = [...model.credits].sort((a, b) => b.conversions - a.conversions).slice(0, 12);
      const max = Math.max(...credits.map(c => c.conversions), 1e-9);
      const total = model.totalConversions || credits.reduce((sum, c) => sum + c.conversions, 0);
      container.innerHTML = `<p class="muted">Purchases credited to each touchpoint (${esc(model.model || '')}).</p>
        <div class="hbars">${credits.map(c => `<div class="hbar"><span class="name">${esc(nodeName(c.label))}</span>
        <span class="track"><i style="width:${(100 * c.conversions / max).toFixed(1)}%"></i></span>
        <span class="num">${count(c.conversions)}</span><span class="num muted">${percent(total ? c.conversions / total : null)}</span></div>`).join('')}</div>`;
    };
    select.onchange = draw;
    draw();
  } catch (error) {
    select.hidden = true;
    container.innerHTML = unavailable('Attribution', error);
  }
}

const FORMATS = [
  ['node-link', 'Node-link JSON', 'D3 force, NetworkX'],
  ['cytoscape', 'Cytoscape JSON', 'Cytoscape.js and desktop'],
  ['sankey', 'Sankey JSON', 'd3-sankey'],
  ['graphml', 'GraphML', 'yEd, Gephi, igraph'],
  ['gexf', 'GEXF', 'Gephi'],
  ['dot', 'DOT', 'Graphviz'],
  ['csv', 'CSV edge list', 'spreadsheets'],
];

export function renderDownloads(list, params) {
  list.innerHTML = FORMATS.map(([format, name, where]) => {
    const query = new URLSearchParams(params);
    query.set('format', format);
    return `<li><a href="/api/graph?${esc(query.toString())}" download>${esc(name)}</a><span class="muted">${esc(where)}</span></li>`;
  }).join('');
}

export { duration };
