// Plain-language answers. Every sentence is computed from complete answers of the API (/api/summary counts every
// selected journey; key moments, drop-off, diversions and the stage funnel are not pruned either), never from the
// links left on the map, and a sentence is only said when the data can support it: without purchases there is no
// advice about purchases, and "What the data lacks" says what to import to get it.
import { agrees, count, counted, percent, esc, nodeName, noJourneys } from './format.js';

const AFTER_PURCHASE = new Set(['purchase', 'loyalty', 'advocacy']);
const NOUNS = { touchpoint: ['touchpoint', 'touchpoints'], channel: ['channel', 'channels'], stage: ['stage', 'stages'] };

/**
 * @param summary  /api/summary for the filters (required)
 * @param funnel   the stage funnel's stages, or null
 * @param moments  /api/insights/moments' moments, or null
 * @param dropoff  /api/dropoff's touchpoints ranked by exits, or null
 * @param diversions /api/diversions' diversions, or null
 * @param stages   touchpoint name -> stage (lower case), from /api/touchpoints
 * @param experience /api/experience for the filters (its plain-words `answer`), or null
 * @param level    the path level of the filters
 */
export function renderInsights(container, { summary, funnel, moments, dropoff, diversions, stages, experience, level }) {
  const items = [];
  const lacks = (summary.lacks || []).map(lack => [lack.data, lack]);
  const lacking = new Map(lacks);
  const total = summary.journeys;
  if (!total) {
    container.innerHTML = `<p class="muted">${esc(noJourneys('No journeys match the filters.'))}</p><dl>${lacksList(lacks)}</dl>`;
    return;
  }
  const [noun, nouns] = NOUNS[level] || NOUNS.touchpoint;
  const outcomes = summary.outcomes || {};
  const purchases = outcomes.PURCHASE || 0;
  const stageOf = label => (stages && stages.get(label)) || '';

  const first = summary.firstSteps;
  if (first && first.top.length) {
    const top = first.top.slice(0, 3);
    items.push(['How customers discover us', first.distinct === 1
      ? `Every journey starts with <b>${esc(nodeName(top[0].label))}</b>.`
      : `Most journeys start with ${top.map(r => `<b>${esc(nodeName(r.label))}</b> (${percent(r.share)})`).join(', ')}.
        ${first.distinct > top.length ? `${counted(first.distinct, `different first ${noun}`, `different first ${nouns}`)} in all.` : ''}`]);
  }

  if (purchases) {
    const looked = (summary.seenBeforePurchase ? summary.seenBeforePurchase.top : [])
      .filter(r => !AFTER_PURCHASE.has(stageOf(r.label)) && stageOf(r.label) !== 'awareness').slice(0, 4);
    if (looked.length) {
      items.push(['What they look at before buying', `Of the ${counted(purchases, 'journey')} that ${agrees(purchases, 'ends', 'end')} in a purchase,
        ${looked.map(r => `<b>${esc(nodeName(r.label))}</b> is seen in ${percent(r.share)}`).join(', ')}.`]);
    }
    const up = (moments || []).filter(m => /TOWARD/i.test(m.direction || '') && !AFTER_PURCHASE.has(stageOf(m.touchpoint))).slice(0, 2);
    const down = (moments || []).filter(m => /AWAY/i.test(m.direction || '')).slice(0, 2);
    const rate = m => (m.purchaseRateWith && m.purchaseRateWith.rate != null ? m.purchaseRateWith.rate
      : m.journeysWith ? m.purchasesWith / m.journeysWith : null);
    items.push(['The crucial moments', up.length || down.length
      ? `${up.length ? `Journeys that include ${up.map(m => `<b>${esc(m.touchpoint)}</b> (${percent(rate(m))} buy)`).join(' or ')} buy clearly more often. ` : ''}
        ${down.length ? `Those with ${down.map(m => `<b>${esc(m.touchpoint)}</b> (${percent(rate(m))} buy)`).join(' or ')} buy clearly less often.` : ''}`
      : `${percent(purchases / total)} of these journeys end in a purchase; no touchpoint makes a clear difference to that rate.`]);
  } else if (!lacking.has('purchases')) {
    items.push(['The crucial moments', 'No journey in this selection ends in a purchase, so nothing here can be said about what leads to one.']);
  }

  const rivals = summary.competitors;
  if (lacking.has('competitors')) {
    items.push(['Do they consider competitors?', 'The data marks no touchpoint as a competitor’s, so it cannot show customers leaving for one (see what the data lacks).']);
  } else if (!rivals || !rivals.distinct) {
    items.push(['Do they consider competitors?', 'No competitor touchpoint appears in these journeys.']);
  } else {
    const ways = (diversions || []).slice(0, 3);
    items.push(['Do they consider competitors?', `Yes: ${rivals.top.slice(0, 3).map(r => `<b>${esc(r.label)}</b> is visited in ${counted(r.journeys, 'journey')}`).join(', ')},
      and ${percent((outcomes.DIVERTED || 0) / total)} of all journeys end at a competitor.
      ${ways.length ? `The busiest ways there: ${ways.map(d => `<b>${esc(d.touchpoint)}</b> → ${esc(d.competitor)} (${count(d.journeys)})`).join(', ')}.` : ''}`]);
  }

  if (experience && experience.answer) {
    items.push(['Is the experience positive?', esc(experience.answer)]);
  }

  const purchaseStage = funnel ? funnel.findIndex(s => s.stage === 'purchase') : -1;
  const beforePurchase = funnel ? funnel.slice(0, purchaseStage > 0 ? purchaseStage : funnel.length - 1) : [];
  const ends = summary.endsWithoutPurchase;
  if (purchases && beforePurchase.some(s => s.droppedOut > 0)) {
    const worst = beforePurchase.reduce((a, b) => (b.droppedOut > a.droppedOut ? b : a));
    items.push(['Where the store loses them', `The biggest loss is after <b>${esc(worst.stage)}</b>: ${counted(worst.droppedOut, 'journey')}
      (${percent(worst.journeys ? worst.droppedOut / worst.journeys : null)}) ${agrees(worst.droppedOut, 'reaches', 'reach')}
      it but not the next stage.`]);
  } else if (ends && ends.top.length) {
    const at = ends.top.slice(0, 2).map(r => `<b>${esc(nodeName(r.label))}</b> (${count(r.journeys)})`).join(' and ');
    items.push([purchases ? 'Where the store loses them' : 'Where journeys end', purchases
      ? agrees(total - purchases, `The one journey that ends without a purchase ends at ${at}.`,
        `Of the ${count(total - purchases)} journeys that end without a purchase, most end at ${at}.`)
      : `Journeys end most often at ${at}.`]);
  }

  if (purchases && dropoff) {
    const fix = dropoff.find(row => row.owner !== 'competitor' && row.exits > 0);
    const growable = (first ? first.top : []).filter(r => r.journeys >= total * 0.03)
      .sort((a, b) => b.purchased / b.journeys - a.purchased / a.journeys);
    if (fix) {
      items.push(['Where to invest first', `Fix <b>${esc(fix.touchpoint)}</b>: ${counted(fix.exits, 'journey')} ${fix.toCompetitors
        ? agrees(fix.exits, 'is abandoned or leaves for a competitor', 'are abandoned or leave for a competitor')
        : agrees(fix.exits, 'ends without a purchase', 'end without a purchase')} there (${percent(fix.exitRate)} of its visitors).
        ${growable.length && growable[0].purchased ? `Then grow <b>${esc(nodeName(growable[0].label))}</b>: ${percent(growable[0].purchased / growable[0].journeys)} of the journeys that start there end in a purchase.` : ''}`]);
    }
  }

  container.innerHTML = `<dl>${items.map(([q, a]) => `<div class="insight"><dt>${q}</dt><dd>${a}</dd></div>`).join('')}${lacksList(lacks)}</dl>`;
}

function lacksList(lacks) {
  if (!lacks.length) return '';
  return `<div class="insight lacks" id="data-lacks"><dt>What the data lacks</dt><dd><ul>${lacks.map(([, lack]) =>
    `<li data-lack="${esc(lack.data)}"><b>No ${esc(lack.data)}.</b> ${esc(lack.detail)} ${esc(lack.toGetIt)}</li>`).join('')}</ul></dd></div>`;
}
