// Time to convert (/api/time-to-convert): how long the converted journeys took from their start (the first touch, or
// the first visit to a touchpoint) to their conversion (the first purchase, or the first visit to a touchpoint after
// the start): the exact percentiles p50 to p99 as readable durations, the histogram on its log-spaced bins, and the same
// per segment. The two touchpoints stay in the address as fromTouchpoint= and toTouchpoint=. Raw journeys: the path
// shaping is left out.
import { getJson } from './api.js';
import { withoutShaping } from './panels.js';
import { opened, keepInAddress } from './address.js';
import { agrees, count, counted, percent, duration, esc, isStoreEmpty, noJourneys, unavailable } from './format.js';

const PERCENTILES = ['p50', 'p75', 'p90', 'p95', 'p99'];
const ENDS = ['fromTouchpoint', 'toTouchpoint'];
let latest = 0;
let filters = new URLSearchParams();
let wired = false;

/** Draws the time to convert of the filters {@code params}; the form redraws this panel only. */
export async function renderTimeToConvert(params) {
  filters = params;
  const form = document.getElementById('ttc-form');
  if (!wired) {
    wired = true;
    for (const name of ENDS) form.elements.namedItem(name).value = opened.get(name) || '';
    form.addEventListener('submit', event => { event.preventDefault(); draw(); });
  }
  await draw();
}

async function draw() {
  const mine = ++latest;
  const container = document.getElementById('ttc');
  const form = document.getElementById('ttc-form');
  const ends = Object.fromEntries(ENDS.map(name => [name, String(form.elements.namedItem(name).value || '').trim()]));
  keepInAddress(ends);
  const query = withoutShaping(filters);
  for (const [name, value] of Object.entries(ends)) if (value) query.set(name, value);
  try {
    const answer = await getJson('/api/time-to-convert', query);
    if (mine !== latest) return;
    container.innerHTML = render(answer, ends);
    fitAxis(container.querySelector('.histogram'));
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Time to convert', error);
  } finally {
    if (mine === latest) container.dataset.ready = String(mine);
  }
}

function render(answer, ends) {
  const all = answer.all || {};
  const start = ends.fromTouchpoint ? `the first visit to ${esc(ends.fromTouchpoint)}` : 'the first touch';
  const end = ends.toTouchpoint ? `the first visit to ${esc(ends.toTouchpoint)} after it` : 'the first purchase';
  const notStarted = answer.notStarted ? ` ${counted(answer.notStarted, 'journey')} never ${agrees(answer.notStarted,
    'visits', 'visit')} ${esc(ends.fromTouchpoint)}.` : '';
  const untimed = answer.untimed ? ` ${counted(answer.untimed, 'record')} ${agrees(answer.untimed,
    'has no times and is', 'have no times and are')} left out.` : '';
  if (!answer.selected && isStoreEmpty()) return `<p class="muted">${esc(noJourneys(''))}</p>`;
  if (!all.started) {
    return `<p class="muted">No selected journey starts here (${count(answer.selected)} selected).${notStarted}${untimed}</p>`;
  }
  const summary = `<p class="ttc-summary">From ${start} to ${end}: <b>${count(all.converted)}</b> of ${
    counted(all.started, 'journey')} ${agrees(all.converted, 'converts', 'convert')} (${percent(all.conversionRate, 1)})${all.meanSeconds == null ? '' : `, in ${duration(all.meanSeconds)}
    on average`}.<span class="muted">${notStarted}${untimed}</span></p>`;
  if (!all.converted || !all.percentiles) return `${summary}<p class="muted">No journey converts, so there are no times.</p>`;
  const percentiles = `<dl class="percentiles">${PERCENTILES.map(p => `<div data-percentile="${p}"
    data-seconds="${all.percentiles[p]}"><dt>${p}</dt><dd>${duration(all.percentiles[p])}</dd></div>`).join('')}</dl>
    <p class="muted">pN: N % of the converted journeys took at most this long.</p>`;
  return `${summary}${percentiles}${histogram(all.histogram || [])}${segments(answer)}`;
}

/** The histogram as columns, one per log-spaced bin (two per decade), labelled where a decade starts: 1 s, 10 s, ... */
function histogram(bins) {
  const max = Math.max(...bins.map(bin => bin.journeys), 1);
  return `<h3 class="sub-head">How long the converted journeys took</h3><div class="histogram">${bins.map((bin, i) => {
    const range = bin.toSeconds == null ? `${duration(bin.fromSeconds)} or more`
      : `${duration(bin.fromSeconds)} to ${duration(bin.toSeconds)}`;
    return `<div class="bin" data-from="${bin.fromSeconds}" data-journeys="${bin.journeys}"
      title="${esc(range)}: ${counted(bin.journeys, 'journey')}"><span class="column"><i
      style="height:${(100 * bin.journeys / max).toFixed(1)}%"></i></span><span class="edge">${i % 2 === 1
      ? `<span class="tick">${esc(duration(bin.fromSeconds))}</span>` : ''}</span></div>`;
  }).join('')}</div>`;
}

/**
 * Keeps every label of the histogram's axis inside the chart: each starts at its bin's left edge, a label that would
 * cross the chart's right edge is moved back in, and one that would then run into the label before it is left out
 * (its bin's tooltip still says its range). Call once the histogram is laid out; the page draws it again on a resize.
 */
function fitAxis(chart) {
  if (!chart) return;
  const right = chart.getBoundingClientRect().right;
  let taken = -Infinity;
  for (const tick of chart.querySelectorAll('.edge .tick')) {
    const box = tick.getBoundingClientRect();
    const shift = Math.min(0, right - box.right);
    if (box.left + shift < taken + 4) {
      tick.hidden = true;
      continue;
    }
    if (shift) tick.style.left = `${shift}px`;
    taken = box.right + shift;
  }
}

function segments(answer) {
  const rows = answer.segments || [];
  if (!rows.length) return '';
  const p = (row, name) => (row.percentiles ? duration(row.percentiles[name]) : '–');
  return `<h3 class="sub-head">Per segment</h3><table class="paths ttc-segments"><thead><tr><th>segment</th>
    <th class="num">started</th><th class="num">converted</th><th class="num">rate</th><th class="num">p50</th>
    <th class="num">p90</th><th class="num">mean</th></tr></thead><tbody>${rows.map(row => `
    <tr data-segment="${esc(row.segment ?? '')}" data-converted="${row.converted}"
        data-p50="${row.percentiles ? row.percentiles.p50 : ''}"><td>${row.segment == null ? '<i>no segment</i>' : esc(row.segment)}</td>
      <td class="num">${count(row.started)}</td><td class="num">${count(row.converted)}</td>
      <td class="num">${percent(row.conversionRate, 1)}</td><td class="num">${p(row, 'p50')}</td>
      <td class="num">${p(row, 'p90')}</td><td class="num">${duration(row.meanSeconds)}</td></tr>`).join('')}</tbody></table>
    ${answer.segmentsTruncated ? '<p class="muted">The segments with the most started journeys.</p>' : ''}`;
}
