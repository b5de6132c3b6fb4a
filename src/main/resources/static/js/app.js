// The journey map page: reads the filters, asks the API, and redraws every view. Views fail one by one: a missing
// endpoint or a failed request shows "unavailable" in its own panel and leaves the others alone.
import { getJson, listOf } from './api.js';
import { count, counted, percent, esc, nodeName, setStore, unavailable } from './format.js';
import { aroundTouchpoint, centre, fillTouchpointNames, findTouchpoint } from './search.js';
import { renderMap } from './map.js';
import { renderSankey } from './sankey.js';
import { renderPaths, renderFunnel, renderStepFunnel, renderAttribution, renderDownloads, withoutShaping } from './panels.js';
import { renderDetails } from './details.js';
import { renderInsights } from './insights.js';
import { renderEmotionCurve, renderPainPoints, markPainPoints, colourByExperience } from './experience.js';
import { initImportPanel } from './import.js';
import { renderLikelyPaths } from './likely.js';
import { renderDiversions, markMinimumCut } from './diversions.js';
import { renderMoments } from './moments.js';
import { setUpCompare, renderCompare, compareAddress } from './compare.js';
import { renderPrediction } from './predict.js';
import { renderTrends } from './trends.js';
import { renderTimeToConvert } from './time-to-convert.js';
import { wireTabs } from './tabs.js';
import { opened, keepInAddress } from './address.js';

const form = document.getElementById('filters');
const status = document.getElementById('status');
let generation = 0;
let pathOutcome = 'purchase';
let current = { graph: null, params: new URLSearchParams(), competitors: new Set() };
/** The touchpoint the map is centred on (its journeys only), or null; kept in the address as focus=. */
let focus = null;
/**
 * The label whose details the panel shows, or null: shown again, with the figures of the new map, after a redraw, and
 * kept in the address as selected=, so that a reload or a shared link opens its details again.
 */
let selected = null;

/** The common filters and shaping of the form, as query parameters (empty ones left out). */
function filterParams() {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'segment', 'device', 'channel', 'level']) {
    const value = (data.get(name) || '').trim();
    if (value && !(name === 'level' && value === 'touchpoint')) params.set(name, value);
  }
  for (const rule of groupRules(data.get('group'))) params.append('group', rule);
  if (data.get('collapseRepeats')) params.set('collapseRepeats', 'true');
  return params;
}

/** The grouping rules typed in the form: "Name:regex" separated by semicolons. */
function groupRules(text) {
  return (text || '').split(';').map(rule => rule.trim()).filter(Boolean);
}

function withParams(base, extra) {
  const params = new URLSearchParams(base);
  Object.entries(extra).forEach(([k, v]) => params.set(k, v));
  return params;
}

/**
 * The headline figures of the journeys the filters select (open ones counted beside the total, as /api/stats does for
 * the whole store), so that they agree with every view below: the touchpoints are those the selected journeys visit,
 * beside the store's.
 */
async function renderKpis(params, stale) {
  const box = document.getElementById('kpis');
  const kpi = (label, value, cls = '', title = '') =>
    `<div class="kpi ${cls}"${title ? ` title="${title}"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
  try {
    const summary = await getJson('/api/summary', withParams(withoutShaping(params), { includeOpen: 'true', top: '1' }));
    if (stale()) return;
    const outcomes = summary.outcomes || {};
    const open = outcomes.OPEN || 0;
    // Rates over finished journeys, as every analysis counts them; the open ones are shown beside the total.
    const finished = (summary.journeys || 0) - open;
    box.innerHTML = kpi('journeys', count(summary.journeys || 0)
        + (open ? ` <small class="muted" title="still in progress: left out of the rates">${count(open)} open</small>` : ''))
      + kpi('touchpoints visited', count(summary.touchpointsVisited)
        + (summary.data ? ` <small class="muted">of ${count(summary.data.touchpoints)}</small>` : ''), '',
        'distinct touchpoints the selected journeys visit, of all touchpoints in the data')
      + kpi('purchase', percent(finished ? (outcomes.PURCHASE || 0) / finished : null), 'kpi-good')
      + kpi('abandoned', percent(finished ? (outcomes.ABANDONED || 0) / finished : null), 'kpi-muted')
      + kpi('to competitors', percent(finished ? (outcomes.DIVERTED || 0) / finished : null), 'kpi-warn');
  } catch (error) {
    // The filters were refused: the panels below say why; no figure of another selection stays up here.
    const labels = ['journeys', 'touchpoints visited', 'purchase', 'abandoned', 'to competitors'];
    if (!stale()) box.innerHTML = labels.map(label => kpi(label, '–')).join('');
  }
}

const filterProblem = document.getElementById('filter-problem');
/**
 * A filter value the API refused (a 400 problem of the map, which asks with every filter and the path shaping): its
 * detail under the filter bar, and the field its problem names marked invalid and described by it. Any other answer
 * clears both. The page logs nothing of it to the console: a refused value is the user's to correct, not a fault.
 */
function sayFilterProblem(error) {
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  const refused = Boolean(error && error.status === 400);
  filterProblem.hidden = !refused;
  filterProblem.textContent = refused ? `Filters refused: ${error.message}` : '';
  const name = refused && error.problem ? error.problem.parameter : null;
  const field = name ? form.elements.namedItem(name) : null;
  if (field instanceof Element) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'filter-problem');
  }
}

/**
 * The touchpoint names for the search and the channels of the channel filter, from the store's touchpoints. The
 * channel chosen stays chosen (offered as well where no touchpoint has it), as the views were asked with it: read again
 * after an import, the list must not fall back to "any" under views of one channel.
 */
async function loadTouchpoints() {
  try {
    const touchpoints = listOf(await getJson('/api/touchpoints'), 'touchpoints');
    fillTouchpointNames(document.getElementById('touchpoint-names'), touchpoints);
    const select = document.getElementById('channel-filter');
    const chosen = select.value;
    const channels = [...new Set([...touchpoints.map(t => t.channel), chosen].filter(Boolean))].sort();
    select.innerHTML = '<option value="">any</option>' + channels.map(c => `<option>${esc(c)}</option>`).join('');
    select.value = chosen;
  } catch (error) {
    /* the channel filter keeps "any" */
  }
}

/**
 * The store's counts (/api/stats, which the server keeps): read before each redraw, so that the views with no journey
 * to show say that the store is empty, not that the filters select none. Unknown counts as not empty.
 */
function readStore() {
  return getJson('/api/stats').then(setStore).catch(() => setStore(null));
}

async function refresh() {
  const mine = ++generation;
  const params = filterParams();
  const maxEdges = new FormData(form).get('maxEdges') || '150';
  status.textContent = 'updating…';
  document.body.classList.add('busy');
  const stale = () => mine !== generation;
  await readStore();
  if (stale()) return;
  const shown = new URLSearchParams(params);
  if (maxEdges !== '150') shown.set('maxEdges', maxEdges);
  if (focus) shown.set('focus', focus);
  if (selected) shown.set('selected', selected);
  for (const [name, value] of Object.entries(viewChoices())) if (value) shown.set(name, value);
  for (const [name, value] of compareAddress()) shown.set(name, value);
  history.replaceState(null, '', shown.toString() ? `?${shown}` : location.pathname);
  renderDownloads(document.getElementById('downloads'), withParams(params, { maxEdges }));

  const map = document.getElementById('map');
  // The tabs of the top paths ask with the filters shown, even when the map cannot be had for them.
  current = { ...current, params };
  // Centred on a touchpoint: the links of its journeys (bounded), cut down around it in the page.
  const mapParams = withParams(params, focus ? { maxEdges: '5000', contains: focus } : { maxEdges });
  const mapWork = getJson('/api/graph', mapParams).then(answer => {
    if (stale()) return;
    const graph = focus ? aroundTouchpoint(answer, focus, Number(maxEdges)) : answer;
    current = { graph, params, competitors: new Set(graph.nodes.filter(n => n.owner === 'competitor').map(n => n.label)) };
    const began = performance.now();
    const onSelect = node => {
      selected = node.label;
      keepInAddress({ selected });
      renderDetails(document.getElementById('details-body'), node, graph, params);
    };
    renderMap(map, graph, { onSelect });
    map.dataset.renderMillis = String(Math.round(performance.now() - began));
    const note = document.getElementById('map-note');
    const { links, totalLinks, journeys } = graph.meta;
    const centred = focus ? centre(map, graph, focus, onSelect) : null;
    if (!centred) keepSelection(map, graph, onSelect);
    const linksShown = links < totalLinks
      ? `Showing the ${links === 1 ? 'busiest' : `${count(links)} busiest`} of ${count(totalLinks)} transitions; choose`
        + ' more under “Links shown”.'
      : `${totalLinks === 1 ? 'The one transition is' : `All ${count(totalLinks)} transitions`} shown.`;
    // No journeys: the map says so, and there are no transitions to count or to pan.
    note.innerHTML = `${focus ? `Centred on <b>${esc(focus)}</b>${centred || !journeys ? ''
      : ' (grouped into another label at this level)'}: only the journeys that pass through it. ` : ''}${journeys
      ? `${counted(journeys, 'journey')}. ${linksShown} Drag to pan, Ctrl + wheel to zoom.` : ''}`;
    map.dataset.ready = String(mine);
    sayFilterProblem(null);
    return graph;
  }).catch(error => {
    if (stale()) return null;
    sayFilterProblem(error);
    map.innerHTML = unavailable('Journey map', error);
    // The note described the map that was there: no count of another selection stays beside the problem.
    document.getElementById('map-note').textContent = '';
    keepSelection(map, null, null);
    return null;
  });

  const kpisWork = renderKpis(params, stale);
  const summaryWork = getJson('/api/summary', withParams(params, { top: '10' }));
  summaryWork.catch(() => null);
  const funnelWork = renderFunnel(document.getElementById('funnel'), params);
  const insightsWork = insights(params, stale, summaryWork, funnelWork);
  const experienceWork = experience(params, stale, summaryWork, mapWork, funnelWork);

  const sankeyWork = mapWork.then(() => drawSankey(params, stale));

  const pathsWork = mapWork.then(() => renderPaths(document.getElementById('paths'), params, pathOutcome, current.competitors));
  const attributionWork = renderAttribution(document.getElementById('attribution'),
    document.getElementById('attribution-model'), params);

  const stepFunnelWork = stepFunnel(params);
  const answerWork = answerPanels(params, stale, mapWork, insightsWork);

  await Promise.allSettled([kpisWork, mapWork, insightsWork, experienceWork, sankeyWork, pathsWork, attributionWork, stepFunnelWork,
    answerWork]);
  if (!stale()) {
    reportRefresh();
    document.body.classList.remove('busy');
    document.body.dataset.generation = String(mine);
  }
}

/**
 * The views every refresh asks the server for, by the id of their container (the comparison, the prediction and the
 * touchpoint funnel ask only once given a choice).
 */
/**
 * The touchpoint details after the map was drawn anew: the selected label's node selected again and its details
 * redrawn with the new map's figures; where the new map has no node of that label (or there is no map), the figures of
 * another selection make way for a sentence saying so.
 */
function keepSelection(map, graph, onSelect) {
  if (!selected) return;
  const node = graph ? graph.nodes.find(n => n.label === selected) : null;
  const element = node ? [...map.querySelectorAll('g.node')].find(g => g.dataset.label === selected) : null;
  if (element) {
    element.classList.add('selected');
    if (element.hasAttribute('aria-pressed')) element.setAttribute('aria-pressed', 'true');
    onSelect(node);
    return;
  }
  document.getElementById('details-body').innerHTML = `<p class="muted">${esc(nodeName(selected))} is not on the map
    for these filters. Click a touchpoint on the map to see where its customers come from, where they go next and how
    many it loses.</p>`;
  document.getElementById('details-status').textContent = `Touchpoint details: ${nodeName(selected)} is not on the map`
    + ' for these filters.';
}

const VIEWS = ['map', 'sankey', 'paths', 'funnel', 'attribution', 'insights', 'emotion-curve', 'pain-points', 'likely',
  'diversions', 'moments', 'trends', 'ttc'];

/**
 * The status line after a refresh: "updated" with the time when every view could be drawn; how many views are
 * unavailable when some could not (each says why in its panel); and when none could, that the views could not be
 * updated, with the reason the server gave (its problem's title and detail), not "updated".
 */
function reportRefresh() {
  const failed = [...document.querySelectorAll('main .unavailable')].filter(box => !box.closest('#details'));
  const drawn = VIEWS.filter(id => !document.getElementById(id).querySelector('.unavailable'));
  status.classList.toggle('warn', failed.length > 0);
  if (!failed.length) {
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } else if (!drawn.length) {
    const reasons = [...new Set(failed.map(box => box.dataset.reason).filter(Boolean))];
    const others = reasons.length > 1 ? ` (and ${reasons.length - 1} other reasons, said in the views)` : '';
    status.textContent = `The views could not be updated${reasons.length ? `: ${reasons[0]}` : ''}${others}`;
  } else {
    status.textContent = `updated ${new Date().toLocaleTimeString()}; ${failed.length} ${failed.length === 1
      ? 'view' : 'views'} unavailable, each saying why`;
  }
}

/** The plain-words panel, from complete answers only: the summary first, then what it says the data can support. */
async function insights(params, stale, summaryWork, funnelWork) {
  const box = document.getElementById('insights');
  const raw = withoutShaping(params);
  try {
    const summary = await summaryWork;
    const purchases = summary.outcomes && summary.outcomes.PURCHASE;
    const [funnel, moments, dropoff, diversions, touchpoints, experienceAnswer] = await Promise.all([
      funnelWork,
      purchases ? getJson('/api/insights/moments', withParams(raw, { limit: '50' })).then(a => listOf(a, 'moments')).catch(() => null) : null,
      purchases ? getJson('/api/dropoff', withParams(raw, { limit: '50', rankBy: 'exits' })).then(a => listOf(a, 'touchpoints')).catch(() => null) : null,
      summary.competitors && summary.competitors.distinct
        ? getJson('/api/diversions', withParams(raw, { limit: '3' })).then(a => listOf(a, 'diversions')).catch(() => null) : null,
      getJson('/api/touchpoints').then(a => listOf(a, 'touchpoints')).catch(() => []),
      getJson('/api/experience', withParams(raw, { comments: '0' })).catch(() => null),
    ]);
    const stages = new Map(touchpoints.map(t => [t.name, (t.stage || '').toLowerCase()]));
    if (!stale()) {
      renderInsights(box, { summary, funnel, moments, dropoff, diversions, stages, experience: experienceAnswer,
        level: params.get('level') || 'touchpoint' });
    }
  } catch (error) {
    if (!stale()) box.innerHTML = unavailable('Insights', error);
  }
}

/**
 * The emotion curve (mean score per stage, asked only where the touchpoints have stages) and the pain points, which
 * are also marked on the map once it is drawn. Whole journeys and raw touchpoints: the path shaping is left out.
 */
async function experience(params, stale, summaryWork, mapWork, funnelWork) {
  const curve = document.getElementById('emotion-curve');
  const pains = document.getElementById('pain-points');
  const raw = withoutShaping(params);
  const summary = await summaryWork.catch(() => null);
  const noStages = summary && (summary.lacks || []).some(lack => lack.data === 'stages');
  const curveWork = noStages
    ? Promise.resolve().then(() => { if (!stale()) curve.innerHTML = '<p class="muted">No touchpoint has a stage, so there is no curve across the stages.</p>'; })
    : Promise.all([getJson('/api/experience', withParams(raw, { by: 'stage', comments: '0' })), mapWork, funnelWork])
      .then(([answer, , funnel]) => {
        if (stale()) return;
        // The server's stage order: the map's, or the stage funnel's where no map could be had for these filters.
        const stages = (current.graph && current.graph.meta && current.graph.meta.stages)
          || (funnel || []).map(stage => stage.stage);
        renderEmotionCurve(curve, answer, stages.map(stage => String(stage).toLowerCase()));
        curve.dataset.ready = String(generation);
      })
      .catch(error => { if (!stale()) curve.innerHTML = unavailable('Emotion curve', error); });
  const painWork = getJson('/api/experience/painpoints', withParams(raw, { limit: '8' }))
    .then(async answer => {
      if (stale()) return;
      renderPainPoints(pains, answer);
      await mapWork;
      if (!stale()) markPainPoints(document.getElementById('map'), answer);
    })
    .catch(error => { if (!stale()) pains.innerHTML = unavailable('Pain points', error); });
  await Promise.allSettled([curveWork, painWork, colourMap(params, stale, mapWork)]);
}

const mapColour = document.getElementById('map-colour');
const sankeySteps = document.getElementById('sankey-steps');
/**
 * The map's colour mode and the first steps' count, as address parameters: empty where they are the defaults, so that
 * the address of the default view stays short.
 */
function viewChoices() {
  return {
    colour: mapColour.value === 'stage' ? '' : mapColour.value,
    firstSteps: sankeySteps.value === sankeySteps.querySelector('option[selected]').value ? '' : sankeySteps.value,
  };
}
/** The colour mode and the first steps' count of the address, the defaults where it has none (or an unknown value). */
function restoreViewChoices() {
  for (const [select, name] of [[mapColour, 'colour'], [sankeySteps, 'firstSteps']]) {
    const given = opened.get(name);
    const fallback = select.querySelector('option[selected]') || select.options[0];
    select.value = [...select.options].some(option => option.value === given) ? given : fallback.value;
  }
}
let sankeyDrawing = 0;
/**
 * The step flows of the filters {@code params} over the first steps chosen, their competitors marked as on the map.
 * Only the latest drawing shows, and none of a refresh overtaken by another ({@code stale}); data-ready is the steps
 * drawn and the drawing's number.
 */
function drawSankey(params, stale) {
  const mine = ++sankeyDrawing;
  const old = () => stale() || mine !== sankeyDrawing;
  const sankey = document.getElementById('sankey');
  const steps = sankeySteps.value;
  return getJson('/api/graph', withParams(params, { format: 'sankey', steps, topPerStep: '8' }))
    .then(data => { if (!old()) renderSankey(sankey, data, current.competitors); })
    .catch(error => { if (!old()) sankey.innerHTML = unavailable('Step flows', error); })
    .finally(() => { if (!old()) sankey.dataset.ready = `${steps}:${mine}`; });
}

/**
 * The map's colour mode: by stage (as drawn), or by experience, the mean score of the answers about each node's label
 * at the map's level, asked with the page's filters once the map is drawn.
 */
async function colourMap(params, stale, mapWork) {
  const byExperience = mapColour.value === 'experience';
  const legend = document.getElementById('experience-legend');
  const note = document.getElementById('map-colour-status');
  legend.hidden = !byExperience;
  const map = document.getElementById('map');
  try {
    const answer = byExperience
      ? await getJson('/api/experience', withParams(withoutShaping(params),
        { by: params.get('level') || 'touchpoint', comments: '0' }))
      : null;
    await mapWork;
    if (stale()) return;
    colourByExperience(map, answer);
    note.textContent = '';
    map.dataset.colour = `${mapColour.value}:${generation}`;
  } catch (error) {
    if (stale()) return;
    // The stage colours stay: no legend of scores beside them, and the reason in words.
    colourByExperience(map, null);
    legend.hidden = true;
    note.textContent = `colours by experience unavailable: ${error.message}`;
  }
}
mapColour.addEventListener('change', () => {
  keepInAddress({ colour: viewChoices().colour });
  const mine = generation;
  colourMap(filterParams(), () => mine !== generation, Promise.resolve());
});
/**
 * Likely paths, diversions (once the map is drawn, their minimum cut marked on it), key moments (after the plain words,
 * which ask the same question, so that it is answered from the server's cache), the comparison, what happens next,
 * the trends and the time to convert.
 */
async function answerPanels(params, stale, mapWork, insightsWork) {
  const likely = mapWork.then(() => renderLikelyPaths(document.getElementById('likely'),
    document.getElementById('likely-tabs'), params, current.competitors));
  // Asked once the map is drawn, for every transition of the cut as busy as the map's quietest link: each one drawn.
  // A refresh overtaken before its map was drawn asks nothing: its answer could come after the newer one's.
  const diversions = mapWork
    .then(graph => (stale() ? null : renderDiversions(document.getElementById('diversions'), params, graph)))
    .then(answer => {
      if (!stale() && answer) markMinimumCut(document.getElementById('map'), answer, document.getElementById('cut-on-map'));
    });
  const moments = insightsWork.then(() => renderMoments(document.getElementById('moments'), params));
  await Promise.allSettled([likely, diversions, moments, renderCompare(params), renderPrediction(params),
    renderTrends(params), renderTimeToConvert(params)]);
}

const stepForm = document.getElementById('step-funnel');
/**
 * The touchpoint funnel of the form. The text goes as it was typed, as one value: the API reads it as a name list (a
 * stored name as a whole, else names separated by commas, "Pay, now" quoted), which a split here could not.
 */
function stepFunnel(params) {
  const data = new FormData(stepForm);
  const typed = String(data.get('steps') || '').trim();
  const steps = typed ? [typed] : [];
  return renderStepFunnel(document.getElementById('step-funnel-result'), params, steps, String(data.get('window') || '').trim());
}
stepForm.addEventListener('submit', event => { event.preventDefault(); stepFunnel(filterParams()); });

let timer;
const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
form.addEventListener('change', later);
form.addEventListener('input', event => { if (event.target.type === 'text' && event.target.name !== 'group') later(); });
form.addEventListener('submit', event => { event.preventDefault(); refresh(); });
// Reset returns to the whole map: the filters' defaults, and no longer centred on a touchpoint found by the search.
form.addEventListener('reset', () => {
  clearSearch();
  focus = null;
  clearFocus.hidden = true;
  setTimeout(refresh, 0);
});
// The first steps' count shapes the step flows only: they alone are asked again and redrawn, with the filters shown.
sankeySteps.addEventListener('change', () => {
  keepInAddress({ firstSteps: viewChoices().firstSteps });
  const mine = generation;
  drawSankey(current.params, () => mine !== generation);
});
wireTabs(document.getElementById('path-tabs'), document.getElementById('paths'), outcome => {
  pathOutcome = outcome;
  renderPaths(document.getElementById('paths'), current.params, pathOutcome, current.competitors);
});
let width = window.innerWidth;
window.addEventListener('resize', () => {
  if (Math.abs(window.innerWidth - width) > 40) { width = window.innerWidth; later(); }
});

// An empty store's map offers the import panel: opened, and its first control focused.
document.getElementById('map').addEventListener('click', event => {
  if (!event.target.closest('[data-open-import]')) return;
  const panel = document.getElementById('import-panel');
  panel.open = true;
  document.getElementById('import-file').focus();
});

// Past the map's touchpoints (hundreds on a large map) to the details after it in one step, leaving the address alone.
document.getElementById('skip-map').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('details-head').focus();
});

const searchForm = document.getElementById('search');
const clearFocus = document.getElementById('clear-focus');
function setFocus(name) {
  focus = name || null;
  clearFocus.hidden = !focus;
  refresh();
}
searchForm.addEventListener('submit', async event => {
  event.preventDefault();
  const searchStatus = document.getElementById('search-status');
  const found = await findTouchpoint(new FormData(searchForm).get('touchpoint'));
  searchStatus.textContent = found.message;
  if (found.name) setFocus(found.name);
});
/** Empties the search box and its status line. */
function clearSearch() {
  searchForm.reset();
  document.getElementById('search-status').textContent = '';
}
clearFocus.addEventListener('click', () => {
  clearSearch();
  setFocus(null);
});

/**
 * Filters from the address, so that a view can be shared as a link; a map centred on a touchpoint has its name in the
 * search box, as when it was found there.
 */
function restoreFilters() {
  const given = new URLSearchParams(location.search);
  focus = given.get('focus');
  selected = given.get('selected');
  clearFocus.hidden = !focus;
  searchForm.elements.namedItem('touchpoint').value = focus || '';
  form.elements.namedItem('group').value = given.getAll('group').join('; ');
  for (const [name, value] of given) {
    if (name === 'group') continue;
    const field = form.elements.namedItem(name);
    if (!field) continue;
    if (field.type === 'checkbox') {
      field.checked = value === 'true';
    } else if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) {
      field.add(new Option(value, value, true, true));
    } else {
      field.value = value;
    }
  }
}

restoreFilters();
restoreViewChoices();
setUpCompare(document.getElementById('compare-form'), document.getElementById('compare'));
loadTouchpoints();
refresh();
// After an import, every view is read again, as after a filter change (the touchpoint and channel lists too).
initImportPanel({ onImported: () => { loadTouchpoints(); refresh(); } });
