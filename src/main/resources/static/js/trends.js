// Trends (/api/trends): the purchase, abandonment and diversion rates of the journeys that started in each day, week or
// month, each with its Wilson interval as a band, and the periods whose rates changed against their trailing baseline
// (Holm-adjusted two-proportion tests) marked on the chart and listed with the change and its adjusted p-value. The
// interval stays in the address as interval= (left out for week). Raw journeys: the path shaping is left out.
import { getJson } from './api.js';
import { withoutShaping } from './panels.js';
import { opened, keepInAddress } from './address.js';
import { count, counted, percent, esc, noJourneys, unavailable } from './format.js';
import * as tooltip from './tooltip.js';

const RATES = [['purchase', 'purchase', '#2f9e44'], ['abandonment', 'abandonment', '#868e96'],
  ['diversion', 'to a competitor', '#e8590c']];
const DEFAULT_INTERVAL = 'week';
let latest = 0;
let filters = new URLSearchParams();
let wired = false;

/** Draws the rates per period of the filters {@code params}; the interval switch redraws this panel only. */
export async function renderTrends(params) {
  filters = params;
  const select = document.getElementById('trends-interval');
  if (!wired) {
    wired = true;
    const given = opened.get('interval');
    if (given && ![...select.options].some(option => option.value === given)) select.add(new Option(given, given));
    if (given) select.value = given;
    select.addEventListener('change', draw);
  }
  await draw();
}

async function draw() {
  const mine = ++latest;
  const container = document.getElementById('trends');
  const interval = document.getElementById('trends-interval').value;
  keepInAddress({ interval: interval === DEFAULT_INTERVAL ? '' : interval });
  const query = withoutShaping(filters);
  query.set('interval', interval);
  try {
    const answer = await getJson('/api/trends', query);
    if (mine !== latest) return;
    const periods = (answer.periods || []).filter(p => p.journeys > 0);
    if (!periods.length) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No timed journeys match the filters.'))}</p>`;
    } else {
      container.innerHTML = `<div class="trend-chart"></div>${legend()}${flaggedList(answer, interval)}`;
      chart(container.querySelector('.trend-chart'), answer.periods, interval);
    }
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Trends', error);
  } finally {
    if (mine === latest) container.dataset.ready = `${interval}:${mine}`;
  }
}

function legend() {
  return `<div class="legend trend-legend">${RATES.map(([, words, colour]) =>
    `<span><i class="ln" style="background:${colour}"></i>${esc(words)}</span>`).join('')}
    <span><i class="sw interval-band"></i>95% interval</span><span><i class="sw flagged-band"></i>flagged period</span></div>`;
}

/** The flagged periods in words: each changed rate with its direction, its baseline and its adjusted p-value. */
function flaggedList(answer, interval) {
  const flagged = (answer.periods || []).filter(p => p.flagged);
  const tested = `${count(answer.testedPeriods)} of ${counted((answer.periods || []).length, 'period')} tested against the
    ${answer.baselinePeriods} before them (${esc(answer.test)}, ${esc(answer.correction)}-adjusted, α = ${answer.alpha})`;
  if (!flagged.length) return `<p class="muted">No period changed significantly: ${tested}.</p>`;
  return `<h3 class="sub-head">Flagged ${interval === 'day' ? 'days' : `${interval}s`}</h3><ul class="flagged-periods">${flagged.map(p => {
    const changes = RATES.filter(([key]) => p[key] && p[key].change).map(([key, words]) => {
      const r = p[key];
      return `<span class="change ${esc(r.change)}" data-rate="${key}" data-change="${esc(r.change)}"
        data-p="${r.adjustedPValue}">${esc(words)} ${r.change === 'up' ? '▲' : '▼'} ${percent(r.rate, 1)}
        <span class="muted">(baseline ${percent(r.baselineRate, 1)}, p (Holm) ${pValue(r.adjustedPValue)})</span></span>`;
    });
    return `<li data-start="${esc(p.start)}"><b>${esc(periodName(p, interval))}</b> <span class="muted">${counted(p.journeys, 'journey')}</span>: ${changes.join('; ')}</li>`;
  }).join('')}</ul><p class="muted">${tested}.</p>`;
}

function periodName(period, interval) {
  return interval === 'day' ? period.start : `${interval} from ${period.start}`;
}

function pValue(p) {
  if (p == null) return '–';
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

/** The line chart: one line and interval band per rate over the periods' middles, flagged periods shaded. */
function chart(box, periods, interval) {
  const width = Math.max(box.clientWidth || 640, 480);
  const height = 240;
  const margin = { top: 12, right: 16, bottom: 28, left: 44 };
  const day = 86400000;
  const time = text => new Date(`${text}T00:00:00Z`);
  const from = time(periods[0].start);
  const to = time(periods[periods.length - 1].end);
  const x = d3.scaleUtc().domain([from, to]).range([margin.left, width - margin.right]);
  const middle = p => new Date((time(p.start).getTime() + time(p.end).getTime()) / 2);
  const top = d3.max(periods, p => d3.max(RATES, ([key]) => (p[key] && p[key].rate != null ? p[key].upper : 0))) || 1;
  const y = d3.scaleLinear().domain([0, Math.min(1, top * 1.05)]).nice().range([height - margin.bottom, margin.top]);
  const svg = d3.select(box).append('svg').attr('viewBox', [0, 0, width, height]).attr('width', width)
    .attr('height', height).attr('role', 'group')
    .attr('aria-label', 'Outcome rates per period; the arrow keys move from period to period');
  const periodSel = svg.append('g').attr('class', 'periods').selectAll('g').data(periods).join('g')
    .attr('class', p => `period${p.flagged ? ' flagged' : ''}`)
    .attr('data-start', p => p.start).attr('data-journeys', p => p.journeys)
    .attr('data-purchase', p => (p.purchase ? p.purchase.rate : ''))
    .attr('data-abandonment', p => (p.abandonment ? p.abandonment.rate : ''))
    .attr('data-diversion', p => (p.diversion ? p.diversion.rate : ''))
    .attr('data-flagged', p => String(p.flagged))
    .attr('role', 'img').attr('aria-label', p => periodSaid(p, interval))
    .each(function (p) { tooltip.showOnFocus(this, () => periodTip(p, interval)); });
  rove(periodSel);
  periodSel.append('rect')
    .attr('x', p => x(time(p.start))).attr('width', p => Math.max(1, x(time(p.end)) - x(time(p.start))))
    .attr('y', margin.top).attr('height', height - margin.top - margin.bottom)
    .on('mouseenter', (event, p) => tooltip.show(event, periodTip(p, interval)))
    .on('mousemove', tooltip.move)
    .on('mouseleave', tooltip.hide);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.min(8, Math.max(2, Math.round((to - from) / day)))).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
  for (const [key, , colour] of RATES) {
    const defined = p => p.journeys > 0 && p[key] && p[key].rate != null;
    svg.append('path').attr('class', `band ${key}`).attr('fill', colour)
      .attr('d', d3.area().defined(defined).x(p => x(middle(p))).y0(p => y(p[key].lower)).y1(p => y(p[key].upper))(periods));
    svg.append('path').attr('class', `rate ${key}`).attr('stroke', colour)
      .attr('d', d3.line().defined(defined).x(p => x(middle(p))).y(p => y(p[key].rate))(periods));
    svg.append('g').attr('class', `changes ${key}`).selectAll('circle')
      .data(periods.filter(p => defined(p) && p[key].change)).join('circle')
      .attr('cx', p => x(middle(p))).attr('cy', p => y(p[key].rate)).attr('r', 5).attr('fill', colour)
      .attr('data-start', p => p.start).attr('data-change', p => p[key].change);
  }
}

/**
 * The periods as one stop of the Tab order, as there may be a thousand of them (roving tabindex): Left and Right move
 * the focus to the period before or after, Home and End to the first and last, and Tab comes back to the one left.
 */
function rove(periodSel) {
  const all = periodSel.nodes();
  periodSel.attr('tabindex', (p, i) => (i === 0 ? 0 : -1));
  periodSel.on('keydown', event => {
    const at = all.indexOf(event.currentTarget);
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const to = all[Math.max(0, Math.min(all.length - 1, next))];
    all.forEach(period => period.setAttribute('tabindex', period === to ? 0 : -1));
    to.focus();
  });
}

/** The rates of a period, for its tooltip and its name alike: [rate, "12.3% [10.1%, 14.9%]", change arrow]. */
function periodFacts(p) {
  return RATES.filter(([key]) => p[key] && p[key].rate != null).map(([key, words]) => {
    const r = p[key];
    return [words, `${percent(r.rate, 1)} [${percent(r.lower, 1)}, ${percent(r.upper, 1)}]`, r.change];
  });
}

function periodTip(p, interval) {
  const rows = periodFacts(p).map(([words, rate, change]) => `<tr><th>${esc(words)}</th><td>${rate}${change
    ? ` ${change === 'up' ? '▲' : '▼'}` : ''}</td></tr>`).join('');
  return `<strong>${esc(periodName(p, interval))}</strong><div>${counted(p.journeys, 'journey')}</div><table>${rows}</table>`;
}

/** The tooltip in words: "week from 2026-03-02: 312 journeys, purchase 12.3% [10.1%, 14.9%], abandonment ... up". */
function periodSaid(p, interval) {
  return `${periodName(p, interval)}: ${counted(p.journeys, 'journey')}`
    + periodFacts(p).map(([words, rate, change]) => `, ${words} ${rate}${change ? ` ${change}` : ''}`).join('');
}
