// The experience on the journey map: the emotion curve (mean survey score per stage, with its interval band and the
// answer counts), the pain points ranked by what their bad experience costs, and the pain points marked on the map.
// Everything comes from /api/experience and /api/experience/painpoints with the page's journey filters.
import { count, counted, percent, esc } from './format.js';
import { NODE_WIDTH } from './map.js';

/**
 * The emotion curve: one point per stage that has answers, in the order of `stageOrder` (the server's stage list,
 * then any other stage), the 0..1 mean score as a line over its interval band, each point labelled with its answers.
 * Stages without answers leave a gap in the line. O(stages).
 */
export function renderEmotionCurve(container, answer, stageOrder) {
  const rank = label => {
    const index = stageOrder.indexOf(String(label).toLowerCase());
    return index >= 0 ? index : stageOrder.length;
  };
  const rows = [...(answer.labels || [])].sort((a, b) => rank(a.label) - rank(b.label));
  const answered = rows.filter(r => r.experience && r.experience.responses > 0);
  if (!answered.length) {
    container.innerHTML = `<p class="muted">${esc(answer.answer || 'No survey answers about the selected journeys.')}</p>`;
    return;
  }
  container.innerHTML = '';
  const width = Math.max((container.clientWidth || 700) - 2, 420);
  const height = 280;
  const margin = { top: 22, right: 40, bottom: 46, left: 44 };
  const x = d3.scalePoint().domain(rows.map(r => r.label)).range([margin.left, width - margin.right]).padding(0.4);
  const y = d3.scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  const svg = d3.select(container).append('svg')
    .attr('viewBox', [0, 0, width, height]).attr('width', width).attr('height', height)
    .attr('role', 'img').attr('aria-label', 'Emotion curve: mean survey score per stage, as in the table that follows');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left - 6},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('.2f')));
  svg.append('line').attr('class', 'neutral')
    .attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', y(0.5)).attr('y2', y(0.5));
  const stageTitles = svg.append('g').attr('class', 'stages').selectAll('text').data(rows).join('text')
    .attr('x', r => x(r.label)).attr('y', height - 24).attr('text-anchor', 'middle');
  stageTitles.append('tspan').attr('class', 'stage-name').text(r => r.label);
  stageTitles.append('tspan').attr('class', 'responses').attr('x', r => x(r.label)).attr('dy', '1.3em')
    .text(r => `n = ${count(r.experience ? r.experience.responses : 0)}`);
  const has = r => r.experience && r.experience.responses > 0 && r.experience.meanScore != null;
  const interval = r => r.experience.meanInterval || { lower: r.experience.meanScore, upper: r.experience.meanScore };
  svg.append('path').attr('class', 'band').datum(rows)
    .attr('d', d3.area().defined(has).x(r => x(r.label))
      .y0(r => y(interval(r).lower)).y1(r => y(interval(r).upper)));
  svg.append('path').attr('class', 'curve').datum(rows)
    .attr('d', d3.line().defined(has).x(r => x(r.label)).y(r => y(r.experience.meanScore)));
  const points = svg.append('g').attr('class', 'points').selectAll('g').data(answered).join('g')
    .attr('class', r => `point ${mood(r.experience.meanScore)}`)
    .attr('data-stage', r => r.label)
    .attr('data-mean', r => r.experience.meanScore.toFixed(3))
    .attr('data-responses', r => r.experience.responses)
    .attr('transform', r => `translate(${x(r.label)},${y(r.experience.meanScore)})`);
  points.append('circle').attr('r', 5);
  points.append('text').attr('class', 'mean').attr('y', -10).attr('text-anchor', 'middle')
    .text(r => r.experience.meanScore.toFixed(2));
  points.append('title').text(r => `${r.label}: mean ${r.experience.meanScore.toFixed(2)} of 1 `
    + `(${interval(r).lower.toFixed(2)} to ${interval(r).upper.toFixed(2)}), ${counted(r.experience.responses, 'answer')}, `
    + `${percent(r.experience.positiveShare)} positive, ${percent(r.experience.negativeShare)} negative`);
  // The figures in words for a screen reader, which reaches no title inside an image: a table, out of sight.
  const figures = d3.select(container).append('table').attr('class', 'sr-only emotion-figures');
  figures.append('caption').text('Emotion curve: mean survey score per stage, 0 worst to 1 best');
  figures.append('thead').append('tr').selectAll('th')
    .data(['stage', 'mean score', '95% interval', 'answers', 'positive', 'negative']).join('th')
    .attr('scope', 'col').text(d => d);
  figures.append('tbody').selectAll('tr').data(rows).join('tr').attr('data-stage', r => r.label)
    .selectAll('td').data(r => (has(r)
      ? [r.label, r.experience.meanScore.toFixed(2),
        `${interval(r).lower.toFixed(2)} to ${interval(r).upper.toFixed(2)}`, count(r.experience.responses),
        percent(r.experience.positiveShare), percent(r.experience.negativeShare)]
      : [r.label, '–', '–', count(r.experience ? r.experience.responses : 0), '–', '–']))
    .join('td').text(d => d);
}

/** good, mixed or bad, by the mean normalized score. */
export function mood(score) {
  return score >= 0.6 ? 'good' : score < 0.4 ? 'bad' : 'mixed';
}

/** The pain points as a table: every term of the cost formula and the sentence saying why the row ranks there. */
export function renderPainPoints(container, answer) {
  const rows = answer.painPoints || [];
  if (!rows.length) {
    container.innerHTML = '<p class="muted">No touchpoint of the selected journeys has a bad experience that costs journeys.</p>';
    return;
  }
  container.innerHTML = `<table class="paths pain-points"><thead><tr><th>touchpoint</th><th class="num">cost</th>
    <th class="num">bad experience</th><th class="num">journeys</th><th class="num">lost</th><th class="num">answers</th>
    <th class="num">negative</th><th class="num">frustration</th></tr></thead><tbody>${rows.map(p => `
    <tr data-touchpoint="${esc(p.touchpoint)}"><td><b>${esc(p.touchpoint)}</b>${p.stage ? ` <span class="muted">${esc(p.stage)}</span>` : ''}</td>
      <td class="num cost">${p.cost.toFixed(1)}</td><td class="num">${percent(p.badExperience, 1)}</td>
      <td class="num">${count(p.journeys)}</td><td class="num">${percent(p.lostShare, 1)}</td>
      <td class="num">${count(p.responses)}</td><td class="num">${percent(p.negativeShare, 1)}</td>
      <td class="num">${percent(p.frustrationRate, 1)}</td></tr>
    <tr class="why"><td colspan="8">${esc(p.why)}</td></tr>`).join('')}</tbody></table>
    <p class="muted formula">${esc(answer.formula || '')}</p>`;
}

/**
 * Marks the top pain points on the drawn map: their touchpoint boxes get the class pain-point, a warning outline and
 * their rank; nodes of other labels (another level, grouped) are left alone. O(nodes + pain points).
 */
export function markPainPoints(mapContainer, answer, top = 5) {
  const ranks = new Map((answer.painPoints || []).filter(p => p.cost > 0).slice(0, top)
    .map((p, i) => [p.touchpoint, i + 1]));
  const nodes = d3.select(mapContainer).selectAll('g.node');
  nodes.classed('pain-point', false).attr('data-pain-said', null);
  nodes.filter(n => n && ranks.has(n.label)).classed('pain-point', true)
    .attr('data-pain-said', n => `pain point #${ranks.get(n.label)}`);
  // The mark is drawn on the touchpoint's box, in the labels' layer: left of the box it lay over the names of the
  // column before, which run up to this column; before the name it pushed the name out of line with its column's
  // names, and after the name and count into the names of the next column. A click or hover on it is the box's
  // (pointer-events: none): the box's tooltip and accessible name say the rank.
  nodes.each(n => { if (n) n.painRank = ranks.get(n.label) || null; });
  const labels = d3.select(mapContainer).selectAll('g.node-label');
  labels.selectAll('.pain-rank').remove();
  labels.filter(n => n && ranks.has(n.label)).append('text').attr('class', 'pain-rank')
    .attr('x', NODE_WIDTH / 2).attr('y', n => n._h / 2).attr('dy', '0.35em').attr('text-anchor', 'middle')
    .text(n => `⚠${ranks.get(n.label)}`);
  say(nodes);
}

/**
 * The accessible name of each touchpoint button: what the map says of it, then its pain point rank and its mean score
 * where marked, as the ⚠ and the colour show them (its name replaces the title a mouse sees).
 */
function say(nodes) {
  nodes.filter(function () { return this.hasAttribute('data-said'); }).attr('aria-label', function () {
    return [this.getAttribute('data-said'), this.getAttribute('data-pain-said'), this.getAttribute('data-score-said')]
      .filter(Boolean).join(', ');
  });
}

/** The colour of a mean normalized score: red at 0, amber at 0.5, green at 1 (the legend's gradient). */
export const scoreColour = d3.scaleLinear().domain([0, 0.5, 1]).range(['#e03131', '#fab005', '#2f9e44'])
  .clamp(true);
const NO_ANSWERS = '#ced4da';

/**
 * Colours the drawn map by experience: each of our touchpoint boxes (or channel, stage at those levels) by the mean
 * normalized score of the answers about it in `answer` (/api/experience with `by` the map's level), grey where there
 * are none; competitors, start and outcomes keep their colours. Each box gets data-mean and a mood class (good, mixed,
 * bad as on the emotion curve) and its tooltip the score. With `answer` null, the stage colours come back.
 * O(nodes + labels).
 */
export function colourByExperience(mapContainer, answer) {
  const nodes = d3.select(mapContainer).selectAll('g.node');
  nodes.classed('mood-good mood-mixed mood-bad', false).attr('data-mean', null).attr('data-score-said', null)
    .selectAll('title.score').remove();
  nodes.select('rect').attr('fill', function () { return this.getAttribute('data-fill'); });
  if (!answer) {
    say(nodes);
    return;
  }
  const scores = new Map((answer.labels || []).filter(r => r.experience && r.experience.responses > 0
    && r.experience.meanScore != null).map(r => [r.label, r.experience]));
  const coloured = nodes.filter(n => n && (n.kind === 'touchpoint' || n.kind === 'label') && n.owner !== 'competitor');
  coloured.select('rect').attr('fill', n => scores.has(n.label) ? scoreColour(scores.get(n.label).meanScore) : NO_ANSWERS);
  const scored = coloured.filter(n => scores.has(n.label))
    .attr('data-mean', n => scores.get(n.label).meanScore.toFixed(3))
    .attr('class', function (n) { return `${this.getAttribute('class')} mood-${mood(scores.get(n.label).meanScore)}`; });
  const scoreSaid = n => `mean score ${scores.get(n.label).meanScore.toFixed(2)} of 1 from ${
    counted(scores.get(n.label).responses, 'answer')}`;
  scored.attr('data-score-said', scoreSaid);
  scored.append('title').attr('class', 'score').text(n => `${n.label}: ${scoreSaid(n)}`);
  coloured.filter(n => !scores.has(n.label)).attr('data-score-said', 'no survey answers');
  say(nodes);
}
