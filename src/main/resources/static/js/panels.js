// Top paths, funnel, attribution and downloads: each fetches its own data and shows "unavailable" on failure.
import { getJson, listOf } from './api.js';
import { agrees, count, counted, percent, esc, nodeName, isStoreEmpty, noJourneys, storeHasPurchases, unavailable } from './format.js';

let latestPaths = 0;

/**
 * The top paths to `outcome`. Only the latest call draws: moving through the tabs by keyboard asks for each tab passed,
 * and an earlier answer arriving last must not replace the selected tab's.
 */
export async function renderPaths(container, params, outcome, competitors) {
  const mine = ++latestPaths;
  const query = new URLSearchParams(params);
  query.set('outcome', outcome);
  query.set('limit', '10');
  try {
    const answer = await getJson('/api/paths/top', query);
    if (mine !== latestPaths) return;
    const paths = listOf(answer, 'paths', 'variants');
    container.dataset.ready = outcome;
    if (!paths.length) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys with this outcome match the filters.'))}</p>`;
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
      ${answer.other && answer.other.journeys ? `<p class="muted">…and ${counted(answer.other.variants, 'other path')} with ${counted(answer.other.journeys, 'journey')}.</p>` : ''}`;
  } catch (error) {
    if (mine === latestPaths) container.innerHTML = unavailable('Top paths', error);
  }
}

/** Journey filters only: the analyses on raw touchpoints reject path shaping with a 400. */
export function withoutShaping(params) {
  const query = new URLSearchParams(params);
  ['level', 'collapseRepeats', 'maxSteps', 'group'].forEach(name => query.delete(name));
  return query;
}

export async function renderFunnel(container, params) {
  try {
    const answer = await getJson('/api/funnel', withoutShaping(params));
    const stages = listOf(answer, 'stages');
    if (!stages.length) {
      container.innerHTML = '<p class="muted">No stages to show.</p>';
      return stages;
    }
    // No journey at all: said as the other views say it, not a funnel of zeros of which each stage "reaches" 0%.
    if (answer.total === 0) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys match the filters.'))}</p>`;
      return stages;
    }
    const max = Math.max(...stages.map(s => s.journeys), 1);
    container.innerHTML = `<ol class="funnel">${stages.map((s, i) => `
      <li><div class="funnel-row"><span class="stage">${esc(s.stage)}</span>
        <span class="funnel-bar"><i style="width:${(100 * s.journeys / max).toFixed(1)}%"></i></span>
        <span class="num">${count(s.journeys)}</span></div>
        <div class="funnel-sub">${percent(s.shareOfTotal)} of all journeys${i === 0 ? '' : s.conversion == null ? ' · no journey reaches the previous stage' : ` · ${percent(s.conversion)} of those reaching ${esc(stages[i - 1].stage)} reach it too`}
        ${s.droppedOut ? ` · ${count(s.droppedOut)} ${agrees(s.droppedOut, 'does', 'do')} not reach the next stage${topList(s.abandonedAt, 'abandon at')}${topList(s.divertedTo, 'leave for')}` : ''}</div></li>`).join('')}</ol>`;
    return stages;
  } catch (error) {
    container.innerHTML = error.status === 422
      ? `<p class="muted">${esc(error.message)}</p>`
      : unavailable('Funnel', error);
    return null;
  }
}

/** The touchpoint funnel: journeys visiting the given touchpoints in this order, within the window if given. */
export async function renderStepFunnel(container, params, steps, window) {
  if (!steps.length) {
    container.innerHTML = '';
    return;
  }
  const query = withoutShaping(params);
  steps.forEach(step => query.append('steps', step));
  if (window) query.set('window', window);
  try {
    const answer = await getJson('/api/funnel', query);
    const rows = listOf(answer, 'steps');
    const max = Math.max(...rows.map(s => s.journeys), 1);
    container.innerHTML = `<ol class="funnel">${rows.map((s, i) => `
      <li><div class="funnel-row"><span class="stage" title="${esc(s.touchpoint)}">${esc(s.touchpoint)}</span>
        <span class="funnel-bar"><i style="width:${(100 * s.journeys / max).toFixed(1)}%"></i></span>
        <span class="num">${count(s.journeys)}</span></div>
        <div class="funnel-sub">${i === 0 ? `${percent(s.shareOfTotal)} of all journeys` : s.conversion == null ? 'no journey reaches the previous step' : `${percent(s.conversion)} of the previous step`}${s.purchased ? ` · ${count(s.purchased)} ${agrees(s.purchased, 'buys', 'buy')}` : ''}</div></li>`).join('')}</ol>`;
  } catch (error) {
    container.innerHTML = unavailable('Touchpoint funnel', error);
  }
}

function topList(items, verb) {
  if (!items || !items.length) return '';
  return `; most ${verb} ${items.slice(0, 2).map(i => `${esc(nodeName(i.label))} (${count(i.journeys)})`).join(', ')}`;
}

const MODELS = [
  ['markov', 'Markov (removal effect)'], ['first', 'first touch'], ['last', 'last touch'], ['linear', 'linear'],
  ['position', 'position-based'], ['time-decay', 'time decay'],
];

/** Attribution by the chosen model; stage level is not offered by the API, so it falls back to touchpoints. */
export async function renderAttribution(container, select, params) {
  if (!select.options.length) {
    select.innerHTML = MODELS.map(([value, name]) => `<option value="${value}">${esc(name)}</option>`).join('');
    select.value = 'markov';
  }
  select.hidden = false;
  const draw = async () => {
    // the same level and grouping rules as the map: attribution labels steps as the path analyses do
    const query = new URLSearchParams(params);
    query.set('model', select.value);
    if (select.value !== 'markov') query.delete('collapseRepeats');
    try {
      const model = await getJson('/api/attribution', query);
      const credited = listOf(model, 'labels', 'credits');
      const credits = [...credited].sort((a, b) => b.conversions - a.conversions).slice(0, 12);
      if (!credits.length) {
        container.innerHTML = `<p class="muted">${esc(nothingToAttribute(model))}</p>`;
        return;
      }
      const max = Math.max(...credits.map(c => c.conversions), 1e-9);
      const total = (model.totals && model.totals.conversions) || model.totalConversions
        || credited.reduce((sum, c) => sum + c.conversions, 0);
      container.innerHTML = `<p class="muted">${counted(total, 'purchase')} shared out among the touchpoints on the way to them.</p>
        <div class="hbars">${credits.map(c => `<div class="hbar${c.competitor ? ' competitor' : ''}"><span class="name" title="${esc(c.label)}${c.competitor ? ': a competitor, credited for journeys that came back from it to buy' : ''}">${esc(nodeName(c.label))}</span>
        <span class="track"><i style="width:${(100 * c.conversions / max).toFixed(1)}%"></i></span>
        <span class="num">${count(c.conversions)}</span><span class="num muted">${percent(total ? c.conversions / total : null)}</span></div>`).join('')}</div>`;
    } catch (error) {
      container.innerHTML = unavailable('Attribution', error);
    }
  };
  select.onchange = draw;
  await draw();
}

/**
 * Why there is nothing to attribute: the store is empty; or it has purchases and the filters select no (finished)
 * journey, which importing purchases would not change; else the API's note, which asks for purchase events too.
 */
function nothingToAttribute(model) {
  if (isStoreEmpty()) return noJourneys('');
  if (model.totals && model.totals.journeys === 0 && storeHasPurchases()) {
    return 'The filters select no finished journey, so there is nothing to attribute.';
  }
  return model.note || 'No purchases to attribute in this selection.';
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

