// Key moments (/api/insights/moments): touchpoints ranked by how strongly seeing them goes with a different purchase
// rate (|z| of the difference), with the rates with and without, the lift, the difference's interval, the adjusted
// p-value and the touchpoint's place in the transition graph (PageRank, betweenness). Raw touchpoints, whole paths.
import { getJson } from './api.js';
import { withoutShaping } from './panels.js';
import { agrees, count, counted, percent, esc, noJourneys, unavailable } from './format.js';

const SHOWN = 15;
const DIRECTIONS = {
  TOWARD_PURCHASE: ['toward', '▲ toward purchase'],
  AWAY_FROM_PURCHASE: ['away', '▼ away from purchase'],
  NEUTRAL: ['neutral', 'no clear effect'],
};
let latest = 0;

/**
 * Draws the top key moments of the filters {@code params}. Asks with limit=50, the question the plain words ask too,
 * so that the second asker is served from the server's answer cache.
 */
export async function renderMoments(container, params) {
  const mine = ++latest;
  const query = withoutShaping(params);
  query.set('limit', '50');
  try {
    const answer = await getJson('/api/insights/moments', query);
    if (mine !== latest) return;
    const moments = (answer.moments || []).slice(0, SHOWN);
    if (!answer.journeys) {
      container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys match the filters.'))}</p>`;
    } else if (!answer.purchases) {
      container.innerHTML = `<p class="muted">${answer.journeys === 1 ? 'This one journey does not end'
        : `None of these ${count(answer.journeys)} journeys ends`} in a purchase, so no
        touchpoint can be said to lead toward or away from one.</p>`;
    } else if (!moments.length) {
      container.innerHTML = '<p class="muted">No touchpoint is seen by the selected journeys.</p>';
    } else {
      const p = value => (value == null ? '–' : value < 0.001 ? '< 0.001' : value.toFixed(3));
      container.innerHTML = `<p class="muted">${count(answer.purchases)} of ${counted(answer.journeys, 'journey')} ${agrees(answer.purchases, 'buys', 'buy')}
        (${percent(answer.purchases / answer.journeys, 1)}). Rates with a touchpoint count the journeys that saw it before
        their purchase or end; ${Math.round(answer.confidence * 100)}% intervals, p-values Benjamini-Hochberg adjusted over
        ${counted(answer.touchpoints, 'touchpoint')}, a direction where they are at most ${answer.alpha}.</p>
        <table class="paths moments"><thead><tr><th class="num">#</th><th>touchpoint</th><th>effect</th>
        <th class="num">buy with</th><th class="num">buy without</th><th class="num">lift</th>
        <th class="num">difference</th><th class="num">p (adj.)</th><th class="num">PageRank</th>
        <th class="num">betweenness</th></tr></thead><tbody>${moments.map(m => {
          const [cls, words] = DIRECTIONS[m.direction] || DIRECTIONS.NEUTRAL;
          const d = m.difference || {};
          return `<tr data-touchpoint="${esc(m.touchpoint)}" data-rank="${m.rank}" data-direction="${esc(m.direction)}">
            <td class="num">${m.rank}</td><td><b>${esc(m.touchpoint)}</b></td>
            <td><span class="effect ${cls}">${words}</span></td>
            <td class="num" title="${count(m.purchasesWith)} of ${counted(m.journeysWith, 'journey')}">${percent(m.purchaseRateWith && m.purchaseRateWith.rate, 1)}
              <span class="muted">of ${count(m.journeysWith)}</span></td>
            <td class="num" title="${count(m.purchasesWithout)} of ${counted(m.journeysWithout, 'journey')}">${percent(m.purchaseRateWithout && m.purchaseRateWithout.rate, 1)}</td>
            <td class="num">${m.lift == null ? '–' : `${m.lift.toFixed(2)}×`}</td>
            <td class="num">${signed(d.value)} <span class="muted">[${signed(d.lower)}, ${signed(d.upper)}]</span></td>
            <td class="num">${p(m.adjustedPValue)}</td><td class="num">${m.pageRank.toFixed(3)}</td>
            <td class="num">${m.betweenness.toFixed(3)}</td></tr>`;
        }).join('')}</tbody></table>
        ${answer.touchpoints > moments.length ? `<p class="muted">The top ${moments.length} of ${count(answer.touchpoints)} touchpoints.</p>` : ''}`;
    }
    container.dataset.ready = String(mine);
  } catch (error) {
    if (mine === latest) container.innerHTML = unavailable('Key moments', error);
  }
}

/** A difference of rates in percentage points, with its sign. */
function signed(value) {
  if (value == null) return '–';
  const points = value * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points).toFixed(1)} pt`;
}
