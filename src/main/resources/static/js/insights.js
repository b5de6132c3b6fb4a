// Plain-language answers computed from the data: discovery, consideration, key moments, competitors, lost stages,
// and where to invest first. They rest on the transition graph (always there) and use the funnel and key moments
// when the server offers them.
import { count, percent, esc, nodeName } from './format.js';

const AFTER_PURCHASE = new Set(['purchase', 'loyalty', 'advocacy']);

export function renderInsights(container, { all, buyers, funnel, moments }) {
  const total = all.meta.journeys;
  if (!total) {
    container.innerHTML = '<p class="muted">No journeys match the filters.</p>';
    return;
  }
  const byId = new Map(all.nodes.map(n => [n.id, n]));
  const name = id => esc(nodeName(byId.get(id) ? byId.get(id).label : id));
  const touchpoints = all.nodes.filter(n => n.kind === 'touchpoint' || n.kind === 'label');
  const items = [];

  const entries = all.links.filter(l => l.source === 'start' && byId.get(l.target)?.kind !== 'outcome')
    .sort((a, b) => b.journeys - a.journeys);
  if (entries.length) {
    const top = entries.slice(0, 3);
    items.push(['How customers discover us', `Most journeys start with ${top.map(l => `<b>${name(l.target)}</b> (${percent(l.journeys / total)})`).join(', ')}.
      ${entries.length > 3 ? `${entries.length} different first touchpoints in all.` : ''}`]);
  }

  if (buyers && buyers.meta.journeys) {
    const looked = buyers.nodes.filter(n => (n.kind === 'touchpoint' || n.kind === 'label')
      && !AFTER_PURCHASE.has((n.stage || '').toLowerCase()) && (n.stage || '').toLowerCase() !== 'awareness')
      .sort((a, b) => b.journeys - a.journeys).slice(0, 4);
    if (looked.length) {
      items.push(['What they look at before buying', `Of the ${count(buyers.meta.journeys)} journeys that end in a purchase,
        ${looked.map(n => `<b>${esc(nodeName(n.label))}</b> is seen in ${percent(n.journeys / buyers.meta.journeys)}`).join(', ')}.`]);
    }
  }

  const start = byId.get('start');
  const base = start && start.purchaseProbability != null ? start.purchaseProbability : null;
  const stageOf = new Map(all.nodes.map(n => [n.label, (n.stage || '').toLowerCase()]));
  // The checkout pages go with a purchase by definition; the moments worth acting on come before them.
  const up = (moments || []).filter(m => /TOWARD/i.test(m.direction || '') && !AFTER_PURCHASE.has(stageOf.get(m.touchpoint))).slice(0, 2);
  const down = (moments || []).filter(m => /AWAY/i.test(m.direction || '')).slice(0, 2);
  const rate = m => (m.purchaseRateWith && m.purchaseRateWith.rate != null ? m.purchaseRateWith.rate
    : m.journeysWith ? m.purchasesWith / m.journeysWith : null);
  const candidates = touchpoints.filter(n => n.purchaseProbability != null && n.journeys >= total * 0.03
    && !AFTER_PURCHASE.has((n.stage || '').toLowerCase()));
  if (up.length || down.length) {
    items.push(['The crucial moments', `${up.length ? `Journeys that include ${up.map(m => `<b>${esc(m.touchpoint)}</b> (${percent(rate(m))} buy)`).join(' or ')} buy clearly more often. ` : ''}
      ${down.length ? `Those with ${down.map(m => `<b>${esc(m.touchpoint)}</b> (${percent(rate(m))} buy)`).join(' or ')} buy clearly less often.` : ''}`]);
  } else if (base != null && candidates.length) {
    const best = [...candidates].sort((a, b) => b.purchaseProbability - a.purchaseProbability).slice(0, 2);
    const worst = [...candidates].sort((a, b) => a.purchaseProbability - b.purchaseProbability).slice(0, 2);
    items.push(['The crucial moments', `On average ${percent(base)} of journeys end in a purchase. Reaching
      ${best.map(n => `<b>${esc(nodeName(n.label))}</b> (${percent(n.purchaseProbability)})`).join(' or ')} makes a sale more likely;
      after ${worst.map(n => `<b>${esc(nodeName(n.label))}</b> (${percent(n.purchaseProbability)})`).join(' or ')} fewest customers buy.`]);
  } else {
    items.push(['The crucial moments', 'No touchpoint makes a clear difference to the purchase rate in this selection.']);
  }

  const competitors = touchpoints.filter(n => n.owner === 'competitor').sort((a, b) => b.journeys - a.journeys);
  const diverted = byId.get('diverted');
  const diversions = d3.rollups(all.links.filter(l => l.diversion && l.target !== 'diverted'), v => d3.sum(v, l => l.journeys), l => l.source)
    .map(([source, journeys]) => ({ source, journeys })).sort((a, b) => b.journeys - a.journeys);
  if (competitors.length) {
    items.push(['Do they consider competitors?', `Yes: ${competitors.slice(0, 3).map(n => `<b>${esc(nodeName(n.label))}</b> is visited in ${count(n.journeys)} journeys`).join(', ')}
      and ${percent(diverted ? diverted.journeys / total : 0)} of all journeys end there.
      ${diversions.length ? `Customers leave for them mostly from ${diversions.slice(0, 3).map(l => `<b>${name(l.source)}</b> (${count(l.journeys)})`).join(', ')}.` : ''}`]);
  } else {
    items.push(['Do they consider competitors?', 'No competitor touchpoint appears in these journeys.']);
  }

  const lostLinks = all.links.filter(l => l.target === 'abandoned' || l.target === 'diverted');
  const lostByStage = d3.rollups(lostLinks, v => d3.sum(v, l => l.journeys), l => (byId.get(l.source)?.stage || 'unknown'))
    .sort((a, b) => b[1] - a[1]);
  const lostTotal = d3.sum(lostByStage, d => d[1]);
  const purchaseStage = funnel ? funnel.findIndex(s => s.stage === 'purchase') : -1;
  const beforePurchase = funnel ? funnel.slice(0, purchaseStage > 0 ? purchaseStage : funnel.length - 1) : [];
  if (beforePurchase.some(s => s.droppedOut > 0)) {
    const worst = beforePurchase.reduce((a, b) => (b.droppedOut > a.droppedOut ? b : a));
    items.push(['Where the store loses them', `The biggest loss is after <b>${esc(worst.stage)}</b>: ${count(worst.droppedOut)} journeys
      (${percent(worst.journeys ? worst.droppedOut / worst.journeys : null)}) reach it but not the next stage.`]);
  } else if (lostTotal) {
    const [stage, lost] = lostByStage[0];
    const places = lostLinks.filter(l => (byId.get(l.source)?.stage || 'unknown') === stage).sort((a, b) => b.journeys - a.journeys).slice(0, 2);
    const at = places.map(l => `<b>${name(l.source)}</b>`).join(' and ');
    items.push(['Where the store loses them', stage === 'unknown'
      ? `Most journeys that end without a purchase end at ${at} (the data has no stages).`
      : `${percent(lost / lostTotal)} of the journeys that end without a purchase end in the <b>${esc(stage)}</b> stage, chiefly at ${at}.`]);
  }

  const losses = new Map();
  for (const l of all.links) {
    const source = byId.get(l.source);
    if (!source || source.owner === 'competitor' || source.kind === 'start') continue;
    if (l.target === 'abandoned' || l.diversion) losses.set(l.source, (losses.get(l.source) || 0) + l.journeys);
  }
  const fix = [...losses.entries()].sort((a, b) => b[1] - a[1])[0];
  const channels = entries.map(l => byId.get(l.target)).filter(n => n && n.purchaseProbability != null && n.journeys >= total * 0.03)
    .sort((a, b) => b.purchaseProbability - a.purchaseProbability);
  if (fix) {
    const node = byId.get(fix[0]);
    items.push(['Where to invest first', `Fix <b>${esc(nodeName(node.label))}</b>: ${count(fix[1])} journeys ${competitors.length
      ? 'are abandoned or leave for a competitor' : 'end without a purchase'} there (${percent(node.journeys ? fix[1] / node.journeys : null)} of its visitors).
      ${channels.length ? `Then grow <b>${esc(nodeName(channels[0].label))}</b>: ${percent(channels[0].purchaseProbability)} of the customers who start there buy.` : ''}`]);
  }
  container.innerHTML = `<dl>${items.map(([q, a]) => `<div class="insight"><dt>${q}</dt><dd>${a}</dd></div>`).join('')}</dl>`;
}
