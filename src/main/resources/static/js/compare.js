// Compare (/api/compare): two selections side by side, each the page's journey filters with a segment or a period of
// its own in place of the filters' one. Outcome rates with their intervals and Holm-adjusted tests, the chi-square test
// of the outcome table, the paths and transitions whose shares differ most (Benjamini-Hochberg), and the survey score
// where answers are about either side; ★ marks a difference significant at 1 - confidence. The two choices stay in the
// address as compareA= and compareB= (e.g. compareA=segment%3Dtrend%20follower, compareB=from%3D2026-01-01%26to%3D...).
import { getJson } from './api.js';
import { withoutShaping } from './panels.js';
import { count, counted, percent, esc, unavailable } from './format.js';

const SIDES = ['a', 'b'];
const OUTCOMES = { PURCHASE: 'purchase', ABANDONED: 'abandoned', DIVERTED: 'to a competitor', OPEN: 'still open' };
let latest = 0;
let state = { form: null, container: null, params: new URLSearchParams() };

/** Wires the form (kind switch, submit) and fills it from the address; call once before the first render. */
export function setUpCompare(form, container) {
  state = { ...state, form, container };
  const given = new URLSearchParams(location.search);
  for (const side of SIDES) {
    const own = new URLSearchParams(given.get(`compare${side.toUpperCase()}`) || '');
    const field = name => form.elements.namedItem(side + name);
    field('Kind').value = own.has('from') || own.has('to') ? 'period' : 'segment';
    field('Segment').value = own.get('segment') || '';
    field('From').value = own.get('from') || '';
    field('To').value = own.get('to') || '';
  }
  showKinds(form);
  form.addEventListener('change', event => { if (event.target.name.endsWith('Kind')) showKinds(form); });
  form.addEventListener('submit', event => {
    event.preventDefault();
    const address = new URLSearchParams(location.search);
    address.delete('compareA');
    address.delete('compareB');
    for (const [name, value] of compareAddress()) address.set(name, value);
    history.replaceState(null, '', address.toString() ? `?${address}` : location.pathname);
    draw();
  });
}

function showKinds(form) {
  for (const side of SIDES) {
    const period = form.elements.namedItem(`${side}Kind`).value === 'period';
    form.elements.namedItem(`${side}Segment`).hidden = period;
    form.elements.namedItem(`${side}From`).hidden = !period;
    form.elements.namedItem(`${side}To`).hidden = !period;
  }
}

/** The filters a side adds of its own: segment=..., or from=...&to=...; empty when it adds none. */
function own(side) {
  const field = name => String(state.form.elements.namedItem(side + name).value || '').trim();
  const filters = new URLSearchParams();
  if (field('Kind') === 'period') {
    if (field('From')) filters.set('from', field('From'));
    if (field('To')) filters.set('to', field('To'));
  } else if (field('Segment')) {
    filters.set('segment', field('Segment'));
  }
  return filters;
}

/** The compare choices to keep in the address: [name, value] pairs, none for a side without a choice. */
export function compareAddress() {
  if (!state.form) return [];
  return SIDES.map(side => [`compare${side.toUpperCase()}`, own(side).toString()]).filter(([, value]) => value);
}

/** Redraws the comparison for the page's filters {@code params}. */
export async function renderCompare(params) {
  state.params = params;
  await draw();
}

async function draw() {
  const mine = ++latest;
  const { container, params } = state;
  const choices = SIDES.map(own);
  if (choices.every(choice => !choice.toString())) {
    container.innerHTML = `<p class="muted">Pick a segment or a period for A, and one for B (or leave B empty for every
      journey of the filters), then “compare”.</p>`;
    container.dataset.ready = String(mine);
    return;
  }
  const base = withoutShaping(params);
  const filters = choices.map(choice => {
    const side = new URLSearchParams(base);
    if (choice.has('from') || choice.has('to')) {
      side.delete('from');
      side.delete('to');
    }
    for (const [name, value] of choice) side.set(name, value);
    return side.toString();
  });
  // The last-touch model: each side's attribution comes with the answer, and this panel does not show it.
  const query = new URLSearchParams({ a: filters[0], b: filters[1], model: 'last', limit: '5' });
  try {
    const answer = await getJson('/api/compare', query);
    if (mine !== latest) return;
    container.innerHTML = render(answer);
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Comparison', error);
  } finally {
    if (mine === latest) {
      container.dataset.ready = String(mine);
    }
  }
}

function render(answer) {
  const alpha = 1 - answer.confidence;
  const interval = Math.round(answer.confidence * 100);
  const significant = p => p != null && p <= alpha;
  const mark = p => (significant(p) ? '<span class="star" title="significant">★</span>' : '');
  const side = (name, s) => `<div class="side" data-side="${name}"><b>${name.toUpperCase()}</b>
    <span>${esc(readable(s.filter))}</span><span class="num">${counted(s.journeys, 'journey')}</span></div>`;
  const sides = `<div class="sides">${side('a', answer.a)}${side('b', answer.b)}</div>`;
  if (!answer.a.journeys || !answer.b.journeys) {
    const empty = !answer.a.journeys && !answer.b.journeys ? 'Neither side has any journeys'
      : `${answer.a.journeys ? 'B' : 'A'} has no journeys`;
    return `${sides}<p class="muted">${empty}, so there is nothing to compare.</p>`;
  }
  const rate = r => (r ? `${percent(r.rate, 1)} <span class="muted">[${percent(r.lower, 1)}, ${percent(r.upper, 1)}]</span>` : '–');
  const outcomes = (answer.outcomes || []).map(o => `
    <tr data-outcome="${esc(o.outcome)}" data-count-a="${o.countA}" data-count-b="${o.countB}"
        data-p="${o.adjustedPValue ?? ''}" class="${significant(o.adjustedPValue) ? 'significant' : ''}">
      <td>${esc(OUTCOMES[o.outcome] || o.outcome)}</td>
      <td class="num">${rate(o.rateA)} <span class="muted">(${count(o.countA)})</span></td>
      <td class="num">${rate(o.rateB)} <span class="muted">(${count(o.countB)})</span></td>
      <td class="num">${difference(o.difference)}</td><td class="num">${o.lift == null ? '–' : `${o.lift.toFixed(2)}×`}</td>
      <td class="num">${pValue(o.adjustedPValue)}</td><td>${mark(o.adjustedPValue)}</td></tr>`).join('');
  const test = answer.outcomeTest || {};
  const shares = (title, rows) => (rows && rows.length ? `<h3 class="sub-head">${title}</h3>
    <table class="paths compare shares"><thead><tr><th></th><th class="num">A</th><th class="num">B</th>
    <th class="num">A − B</th><th class="num">p (BH)</th><th></th></tr></thead><tbody>${rows.map(r => `
    <tr data-key="${esc(r.key)}" class="${significant(r.adjustedPValue) ? 'significant' : ''}"><td>${esc(label(r))}</td>
      <td class="num">${percent(r.shareA, 1)} <span class="muted">(${count(r.countA)})</span></td>
      <td class="num">${percent(r.shareB, 1)} <span class="muted">(${count(r.countB)})</span></td>
      <td class="num">${difference(r.difference)}</td><td class="num">${pValue(r.adjustedPValue)}</td>
      <td>${mark(r.adjustedPValue)}</td></tr>`).join('')}</tbody></table>` : '');
  return `${sides}
    <table class="paths compare outcomes"><thead><tr><th>outcome</th><th class="num">A</th><th class="num">B</th>
      <th class="num">A − B</th><th class="num">lift A/B</th><th class="num">p (Holm)</th><th></th></tr></thead>
      <tbody>${outcomes}</tbody></table>
    <p class="muted outcome-test">${test.statistic == null ? '' : `Outcome mix: χ² = ${test.statistic.toFixed(1)}, ${test.degreesOfFreedom}
      degrees of freedom, p ${pValue(test.pValue, true)}: ${significant(test.pValue) ? '<b>the two differ</b>' : 'no significant difference'}.`}
      Rates with ${interval}% Wilson intervals; ★ = adjusted p at most ${+alpha.toFixed(3)}.</p>
    ${experience(answer.experience)}
    ${shares('Paths whose shares differ most', answer.paths)}
    ${shares('Transitions whose shares differ most', answer.transitions)}`;
}

function experience(block) {
  if (!block || !block.a || !block.b) return '';
  const d = block.difference;
  const clear = d && (d.lower > 0 || d.upper < 0);
  const score = s => `${s.meanScore.toFixed(2)} <span class="muted">[${s.lower.toFixed(2)}, ${s.upper.toFixed(2)}], ${counted(s.responses, 'answer')}</span>`;
  return `<p class="compare-experience${clear ? ' significant' : ''}">Survey score (0 worst, 1 best): A ${score(block.a)}; B ${score(block.b)}${d
    ? `; A − B ${d.value >= 0 ? '+' : '−'}${Math.abs(d.value).toFixed(2)} [${d.lower.toFixed(2)}, ${d.upper.toFixed(2)}]${clear ? ' <span class="star" title="significant">★</span>' : ''}` : ''}.</p>`;
}

/** A path row's steps then outcome, or a transition row's ends, from the arrays (a name may hold ' > '). */
function label(row) {
  return row.steps ? `${row.steps.join(' › ')} → ${row.outcome}` : `${row.from} → ${row.to}`;
}

/** A side's filter query string in words: "segment: trend follower · device: mobile". */
function readable(filter) {
  const pairs = [...new URLSearchParams(filter || '')];
  return pairs.length ? pairs.map(([name, value]) => `${name}: ${value}`).join(' · ') : 'every journey';
}

/** A difference of rates in percentage points with its interval. */
function difference(d) {
  if (!d || d.value == null) return '–';
  const pt = v => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(1)}`;
  return `${pt(d.value)} pt <span class="muted">[${pt(d.lower)}, ${pt(d.upper)}]</span>`;
}

function pValue(p, withSign = false) {
  if (p == null) return '–';
  const text = p < 0.001 ? '< 0.001' : p.toFixed(3);
  return withSign && !text.startsWith('<') ? `= ${text}` : text;
}
