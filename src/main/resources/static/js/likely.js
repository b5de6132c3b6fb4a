// Likely paths (/api/paths/likely): the k most probable paths of the absorbing Markov chain to purchase, abandonment or
// a competitor, each beside the journeys that took exactly it, and the chain's outcome probabilities from every step
// (shown when hovering a step or focusing it, and said by its name). Same filters and path shaping as the map, so its
// steps are the map's labels.
import { getJson } from './api.js';
import { percent, count, counted, esc, nodeName, noJourneys, unavailable } from './format.js';
import * as tooltip from './tooltip.js';
import { wireTabs } from './tabs.js';

const NOUNS = { purchase: 'a purchase', abandoned: 'abandonment', diverted: 'a competitor' };
let latest = 0;
let shown = { container: null, tabs: null, params: new URLSearchParams(), competitors: new Set() };

/**
 * Draws the likely paths to the outcome of the selected tab for the filters {@code params}; the tabs switch the outcome
 * without redrawing the rest of the page, by mouse or keyboard (tabs.js). One request (k = 10).
 */
export async function renderLikelyPaths(container, tabs, params, competitors) {
  shown = { container, tabs, params, competitors };
  wireTabs(tabs, container, () => draw());
  await draw();
}

async function draw() {
  const mine = ++latest;
  const { container, tabs, params, competitors } = shown;
  const selected = tabs.querySelector('button[aria-selected="true"]');
  const outcome = selected ? selected.dataset.outcome : 'purchase';
  const query = new URLSearchParams(params);
  query.set('outcome', outcome);
  query.set('k', '10');
  try {
    const answer = await getJson('/api/paths/likely', query);
    if (mine !== latest) return;
    const rows = new Map((answer.outcomeProbabilities || []).map(row => [row.node, row]));
    const start = rows.get('(start)');
    if (!answer.journeys) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys match the filters.'))}</p>`;
    } else if (!(answer.paths || []).length) {
      container.innerHTML = `<p class="muted">${startSentence(start)} No path of ${answer.journeys === 1
        ? 'this one journey' : `these ${count(answer.journeys)} journeys`} leads to ${NOUNS[outcome]}.</p>`;
    } else {
      const max = Math.max(...answer.paths.map(p => p.probability), 1e-12);
      container.innerHTML = `<p class="muted">${startSentence(start)} Hover or focus a step for the chances from there.</p>
        <table class="paths likely"><thead><tr><th>path to ${esc(NOUNS[outcome])}</th><th class="num">probability</th>
        <th class="num">journeys that took it</th><th class="num">share</th></tr></thead><tbody>${answer.paths.map(p => `
        <tr data-steps="${esc(JSON.stringify(p.steps))}" data-probability="${p.probability}" data-journeys="${p.journeys}">
          <td><div class="chips">${p.steps.map(s => chip(s, rows.get(s), competitors))
            .join('<span class="arrow">›</span>')}<span class="arrow">›</span><span class="chip outcome ${esc(outcome)}">${esc(outcome)}</span></div>
          <div class="bar"><i style="width:${(100 * p.probability / max).toFixed(1)}%"></i></div></td>
          <td class="num">${percent(p.probability, 2)}</td><td class="num">${count(p.journeys)}</td>
          <td class="num">${percent(p.share, 2)}</td></tr>`).join('')}</tbody></table>
        <p class="muted">Probability: of the first-order chain built from the ${answer.journeys === 1
        ? 'one selected journey' : `${count(answer.journeys)} selected journeys`},
        so a likely path may be one that nobody took exactly (journeys 0).</p>`;
      container.querySelectorAll('.chip[data-node]').forEach(chip => {
        const row = rows.get(chip.dataset.node);
        if (!row) return;
        chip.addEventListener('mouseenter', event => tooltip.show(event, outcomeTip(chip.dataset.node, row)));
        chip.addEventListener('mousemove', tooltip.move);
        chip.addEventListener('mouseleave', tooltip.hide);
        tooltip.showOnFocus(chip, () => outcomeTip(chip.dataset.node, row));
      });
    }
    container.dataset.ready = outcome;
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Likely paths', error);
  }
}

function startSentence(start) {
  if (!start) return '';
  return `From the start, a journey ends in a purchase with probability <b>${percent(start.purchase, 1)}</b>, is abandoned
    with ${percent(start.abandoned, 1)} and goes to a competitor with ${percent(start.diverted, 1)}.`;
}

/**
 * A step of a path. With the chain's outcome probabilities from there, it is in the Tab order (ten paths of a few
 * steps each), focus shows its tooltip and its name says the same figures; an image, as it does nothing when clicked.
 */
function chip(node, row, competitors) {
  const said = row ? ` tabindex="0" role="img" aria-label="${esc(outcomeSaid(node, row))}"` : '';
  return `<span class="chip${competitors.has(node) ? ' competitor' : ''}" data-node="${esc(node)}"${said}>${esc(
    nodeName(node))}</span>`;
}

/** The chain's probabilities of each outcome from a step (one outcomeProbabilities row): [outcome, probability]. */
function outcomeFacts(row) {
  const facts = [['a purchase', row.purchase], ['abandonment', row.abandoned], ['a competitor', row.diverted]];
  if (row.open) facts.push(['still open', row.open]);
  return facts.map(([outcome, probability]) => [outcome, percent(probability, 1)]);
}

/** The tooltip of a step: the chain's probabilities of each outcome from there. */
function outcomeTip(node, row) {
  return `<strong>${esc(nodeName(node))}</strong><div>from here, the journey ends in</div>
    <table>${outcomeFacts(row).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

/** The tooltip in words: "Cart: from here, the journey ends in a purchase 30.1%, abandonment 60.2%, ...". */
function outcomeSaid(node, row) {
  return `${nodeName(node)}: from here, the journey ends in `
    + outcomeFacts(row).map(([k, v]) => `${k} ${v}`).join(', ');
}
