// The details of one touchpoint: its numbers, where its customers come from and go next (the map's links with their
// figures, then /api/touchpoints/neighbourhood?touchpoint=) and how many it loses (/api/dropoff).
import { getJson, listOf } from './api.js';
import { withoutShaping } from './panels.js';
import { count, counted, percent, esc, nodeName, unavailable } from './format.js';
import { linkFacts } from './map.js';

/** How many of a touchpoint's links each way the details list before the rest's disclosure. */
const BUSIEST = 6;

export async function renderDetails(container, node, graph, params) {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const incoming = graph.links.filter(l => l.target === node.id).sort((a, b) => b.journeys - a.journeys);
  const outgoing = graph.links.filter(l => l.source === node.id).sort((a, b) => b.journeys - a.journeys);
  const share = graph.meta && graph.meta.journeys ? node.journeys / graph.meta.journeys : null;
  // Every link of the touchpoint on the map with the figures of its tooltip: the keyboard's and a screen reader's way
  // to them, as the links themselves (thousands on a large map) stay out of the Tab order. The busiest first, the
  // rest behind a disclosure.
  const item = (l, end) => {
    const other = byId.get(l[end]);
    const [, ...figures] = linkFacts(l, byId);
    const notes = [l.diversion ? 'to a competitor' : '', l.postPurchase ? 'after the purchase' : '',
      ...figures.map(([k, v, said]) => said || `${k} ${v}`)].filter(Boolean);
    return `<li class="${l.diversion ? 'warn' : ''}" data-source="${esc(l.source)}" data-target="${esc(l.target)}">
      <span>${esc(nodeName(other ? other.label : l[end]))}</span><b>${count(l.journeys)}<span class="sr-only"> ${l.journeys === 1 ? 'journey' : 'journeys'}</span></b>
      <small>${esc(notes.join(' · '))}</small></li>`;
  };
  const list = (links, end) => {
    if (!links.length) return '<p class="muted">none shown</p>';
    const ul = part => `<ul class="mini links">${part.map(l => item(l, end)).join('')}</ul>`;
    const more = links.length > BUSIEST ? `<details class="more"><summary>${count(links.length - BUSIEST)} more
      </summary>${ul(links.slice(BUSIEST))}</details>` : '';
    return ul(links.slice(0, BUSIEST)) + more;
  };
  // Said by a screen reader where the selection was made (the map keeps the focus): what the panel now shows.
  const status = document.getElementById('details-status');
  if (status) {
    status.textContent = `Touchpoint details show ${nodeName(node.label)}: ${counted(node.journeys, 'journey')}, `
      + `${counted(incoming.length, 'link')} in and ${outgoing.length} out on the map.`;
  }
  container.innerHTML = `
    <h3 class="details-title">${esc(nodeName(node.label))} ${node.owner === 'competitor' ? '<span class="tag warn">competitor</span>' : ''}</h3>
    <p class="muted">${[node.stage, node.channel].filter(Boolean).map(esc).join(' · ')}</p>
    <div class="figures">
      <div><b>${count(node.journeys)}</b><span>${node.journeys === 1 ? 'journey' : 'journeys'} (${percent(share)})</span></div>
      ${node.purchaseProbability != null ? `
      <div><b class="good">${percent(node.purchaseProbability)}</b><span>then buy</span></div>
      <div><b>${percent(node.abandonProbability)}</b><span>then abandon</span></div>
      <div><b class="warn">${percent(node.divertProbability)}</b><span>then go to a competitor</span></div>` : ''}
    </div>
    <div class="two"><div><h4>Comes from</h4>${list(incoming, 'source')}</div><div><h4>Goes to</h4>${list(outgoing, 'target')}</div></div>
    <h4>Drop-off</h4><div id="details-dropoff" class="loading">loading…</div>
    <h4>Neighbourhood</h4><div id="details-neighbourhood" class="loading">loading…</div>`;
  if (node.kind === 'label') {
    container.querySelector('#details-dropoff').innerHTML = '<p class="muted">Drop-off is counted per touchpoint: switch the level to touchpoint to see it.</p>';
    await neighbourhood(container, node, params);
    return;
  }
  if (node.kind === 'start' || node.kind === 'outcome') {
    container.querySelector('#details-dropoff').innerHTML = '<p class="muted">not a touchpoint</p>';
    container.querySelector('#details-neighbourhood').innerHTML = '<p class="muted">not a touchpoint</p>';
    return;
  }
  await Promise.all([dropoff(container, node, params), neighbourhood(container, node, params)]);
}

async function dropoff(container, node, params) {
  const target = container.querySelector('#details-dropoff');
  try {
    // Its own row, whatever its rank: among thousands of touchpoints it may lose fewer journeys than the first 1,000.
    const query = withParams(withoutShaping(params), { touchpoint: node.label });
    const rows = listOf(await getJson('/api/dropoff', query), 'touchpoints');
    const row = rows.find(r => r.touchpoint === node.label);
    target.classList.remove('loading');
    target.innerHTML = row ? `<div class="figures">
        <div><b>${percent(row.exitRate)}</b><span>of its visitors leave here</span></div>
        <div><b>${count(row.toAbandonment)}</b><span>abandon here</span></div>
        <div><b class="warn">${count(row.toCompetitors)}</b><span>go to a competitor next</span></div></div>`
      : '<p class="muted">no drop-off recorded for this touchpoint</p>';
  } catch (error) {
    target.classList.remove('loading');
    target.innerHTML = unavailable('Drop-off', error);
  }
}

function withParams(base, extra) {
  const query = new URLSearchParams(base);
  Object.entries(extra).forEach(([name, value]) => query.set(name, value));
  return query;
}

async function neighbourhood(container, node, params) {
  const target = container.querySelector('#details-neighbourhood');
  try {
    // The name travels as a query parameter: names such as /google+redesign/apparel or 50% off? need no path encoding.
    const answer = await getJson('/api/touchpoints/neighbourhood', withParams(params, { touchpoint: node.label }));
    const closest = (offsets, sign) => (offsets || []).filter(o => Math.sign(o.offset) === sign)
      .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset))[0];
    const render = (offset, title) => (offset ? `<div><h5>${title}</h5><ul class="mini">${(offset.labels || []).slice(0, 5)
      .map(l => `<li><span>${esc(nodeName(l.label))}</span><b>${percent(l.share)}</b></li>`).join('')}</ul></div>` : '');
    target.classList.remove('loading');
    target.innerHTML = `<div class="two">${render(closest(answer.before, -1), 'one step before')}${render(closest(answer.after, 1), 'one step after')}</div>`;
  } catch (error) {
    target.classList.remove('loading');
    target.innerHTML = unavailable('Neighbourhood', error);
  }
}
