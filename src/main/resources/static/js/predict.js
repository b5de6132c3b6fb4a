// What happens next (POST /api/predict): for the steps a journey has taken so far (touchpoint names, picked from the
// page's touchpoint list or typed), the probability of each outcome from the variable-order chain learned from the
// journeys of the page's filters, the context the prediction rests on with its support, and the touchpoints customers
// took next from there, the most likely to lead to a purchase first. Names the data lacks come back as unknownSteps and
// are marked. The steps stay in the address as next=Instagram ad,Product page (a comma list). Raw touchpoints: the
// path shaping is left out, as the endpoint refuses it.
import { postJson } from './api.js';
import { withoutShaping } from './panels.js';
import { opened, keepInAddress } from './address.js';
import { agrees, count, counted, percent, esc, nodeName, unavailable } from './format.js';

/** How many next touchpoints are asked for and listed. */
const NEXT = 8;
const OUTCOMES = [['purchase', 'purchase'], ['abandoned', 'abandoned'], ['diverted', 'to a competitor']];
let steps = stepsOf(opened.get('next'));
let filters = new URLSearchParams();
let latest = 0;
let wired = false;

/** Predicts for the steps so far with the filters {@code params}; one request, none while there are no steps. */
export async function renderPrediction(params) {
  filters = params;
  if (!wired) wire();
  await draw();
}

function stepsOf(text) {
  return String(text || '').split(',').map(step => step.trim()).filter(Boolean);
}

function wire() {
  wired = true;
  const form = document.getElementById('predict-form');
  const field = form.elements.namedItem('step');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const added = stepsOf(field.value);
    if (!added.length) return;
    steps.push(...added);
    field.value = '';
    draw();
  });
  form.elements.namedItem('clear').addEventListener('click', () => { steps = []; draw(); });
  document.getElementById('predict-steps').addEventListener('click', event => {
    const remove = event.target.closest('button[data-index]');
    if (!remove) return;
    steps.splice(Number(remove.dataset.index), 1);
    draw();
  });
  document.getElementById('predict').addEventListener('click', event => {
    const take = event.target.closest('button[data-take]');
    if (!take) return;
    steps.push(take.dataset.take);
    draw();
  });
}

/** The steps as chips, each with a button that removes it; the names in {@code unknown} marked as not in the data. */
function showSteps(unknown) {
  const missing = new Set(unknown);
  document.getElementById('predict-steps').innerHTML = steps.map((step, index) => `<li class="chip${missing.has(step)
    ? ' unknown" title="not a touchpoint of the data: left out' : ''}" data-step="${esc(step)}">${esc(step)}<button
    type="button" data-index="${index}" aria-label="remove ${esc(step)}">×</button></li>`).join('<li class="arrow" aria-hidden="true">›</li>');
}

async function draw() {
  const mine = ++latest;
  const container = document.getElementById('predict');
  keepInAddress({ next: steps.join(',') });
  showSteps([]);
  if (!steps.length) {
    container.innerHTML = `<p class="muted">Add the touchpoints an open journey has visited so far, in order (e.g.
      Instagram ad, then Product page), to see how it is likely to end and which touchpoint would help it most.</p>`;
    container.dataset.ready = String(mine);
    return;
  }
  const query = withoutShaping(filters);
  query.set('next', String(NEXT));
  try {
    const answer = await postJson('/api/predict', query, { steps });
    if (mine !== latest) return;
    showSteps(answer.unknownSteps || []);
    container.innerHTML = render(answer);
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Prediction', error);
  } finally {
    if (mine === latest) container.dataset.ready = String(mine);
  }
}

function render(answer) {
  const unknown = answer.unknownSteps || [];
  const unknownNote = unknown.length ? `<p class="unknown-steps" data-unknown="${esc(JSON.stringify(unknown))}">Not
    touchpoints of the data, so left out: ${unknown.map(name => `<b>${esc(name)}</b>`).join(', ')}.</p>` : '';
  if (!answer.journeys) {
    return `${unknownNote}<p class="muted">No finished journeys match the filters, so there is nothing to learn from.</p>`;
  }
  const outcomes = answer.outcomes || {};
  const bars = OUTCOMES.map(([key, words]) => `<div class="outcome-bar ${key}" data-outcome="${key}"
    data-probability="${outcomes[key]}"><span>${esc(words)}</span><span class="track"><i
    style="width:${(100 * (outcomes[key] || 0)).toFixed(1)}%"></i></span><b class="num">${percent(outcomes[key], 1)}</b></div>`).join('');
  const context = answer.context || [];
  const contextSentence = context.length
    ? `From the context <span class="chips context" data-context="${esc(JSON.stringify(context))}">${context.map(step =>
      `<span class="chip">${esc(step === '(start)' ? 'start' : nodeName(step))}</span>`).join('<span class="arrow">›</span>')}</span>
      (the last ${context.length === 1 ? 'step' : `${context.length} steps`} with at least ${counted(answer.minSupport, 'journey')}
      behind them): <b class="support">${count(answer.support)}</b> ${agrees(answer.support, 'journey was', 'journeys were')}
      there.`
    : `No recent steps have ${counted(answer.minSupport, 'journey')} behind them, so this is the base rate of ${
      answer.support === 1 ? 'the one journey' : `all <b class="support">${count(answer.support)}</b> journeys`}.`;
  const next = answer.next || [];
  const table = next.length ? `<h3 class="sub-head">Next best touchpoints</h3>
    <table class="paths next"><thead><tr><th>next touchpoint</th><th class="num">then buy</th>
    <th class="num" title="times customers in this context took it next">taken</th><th class="num">of the times</th>
    <th class="num" title="journeys behind the prediction with it added">support</th><th></th></tr></thead><tbody>${next.map(n => `
    <tr data-touchpoint="${esc(n.touchpoint)}" data-taken="${n.taken}" data-purchase="${n.purchase}">
      <td><b>${esc(nodeName(n.touchpoint))}</b><div class="bar"><i style="width:${(100 * (n.purchase || 0)).toFixed(1)}%"></i></div></td>
      <td class="num">${percent(n.purchase, 1)}</td><td class="num">${count(n.taken)}</td>
      <td class="num">${percent(n.share, 1)}</td><td class="num">${count(n.support)}</td>
      <td><button type="button" class="ghost" data-take="${esc(n.touchpoint)}" title="add it to the steps">then ›</button></td></tr>`).join('')}
    </tbody></table>
    <p class="muted">Ranked by the purchase probability with the touchpoint added to the steps; taken counts how often
      customers in this context went there next.</p>`
    : '<p class="muted">Customers in this context took no further touchpoint.</p>';
  return `${unknownNote}<div class="outcome-bars">${bars}</div>
    <p class="muted predict-context">${contextSentence} Learned from ${counted(answer.journeys, 'journey')}, contexts up to
      ${counted(answer.order, 'step')}.</p>${table}`;
}
