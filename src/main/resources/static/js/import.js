// The import panel: choose a CSV or NDJSON file, see its columns with the mapping the server suggests (editable per
// role; a journey keyed by one column or by several in order, GA4's user_pseudo_id and ga_session_id; a column ordering
// the events of one time; the event name's column with the names whose rows become steps and those that are purchases,
// abandons or frustration signals) and its first rows as the import would read or reject them (POST /api/events/preview), then
// import it
// (POST /api/events). An import that the server runs as a job (202 Accepted with a Location) is followed until it
// ends, with its progress and a Cancel button; one answered at once (200) shows its report. Writes need the API key:
// asked for when the server refuses one (401/403) and kept in sessionStorage for this tab.
import { agrees, count, counted, duration, esc } from './format.js';

/** The roles a column can play, as the import's parameters name them (<role>Column), with their default columns. */
const ROLES = [
  ['journey', 'journey_id', 'journey id'], ['customer', 'customer_id', 'customer id'],
  ['timestamp', 'timestamp', 'time'], ['touchpoint', 'touchpoint', 'touchpoint'],
  ['channel', 'channel', 'channel'], ['stage', 'stage', 'stage'], ['owner', 'owner', 'owner'],
  ['type', 'type', 'event type'], ['value', 'value', 'value'], ['segment', 'segment', 'segment'],
  ['device', 'device', 'device'],
];
/** Bytes of the file sent for the preview (cut at a line end); the server reads its first rows only. */
const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_ROWS = 20;
const POLL_MILLIS = 500;
const KEY_STORE = 'journeyExplorer.apiKey';
const KEY_HEADER = 'X-API-Key';
/** The column the importer reads a journey's id from when no journeyColumn is given. */
const DEFAULT_JOURNEY_COLUMN = 'journey_id';
/** Why the server suggests a column, in words. */
const WHY = {
  parameter: 'chosen', default: 'suggested (default)', alias: 'suggested (alias)', ga4: 'suggested (GA4)',
  posthog: 'suggested (PostHog)',
};
/** The lists of selects of the mapping, a column each, by the parameter that their first select is named as. */
const LIST_SELECTS = { journeyColumn: 'select[data-role=journey]', orderColumn: 'select[data-order]' };
/** The rules by event name, as the import's parameters name them, with what a ticked name becomes. */
const EVENT_RULES = [
  ['events', 'step'], ['purchaseEvent', 'purchase'], ['abandonEvent', 'abandon'], ['frustrationEvent', 'frustration'],
];

/**
 * The columns of a journeyColumn as the server writes it: a comma list with CSV quoting ("a,b" quoted is one column).
 */
function columnList(text) {
  const columns = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = wasQuoted = true;
    } else if (c === ',') {
      columns.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else {
      field += c;
    }
  }
  columns.push(wasQuoted ? field : field.trim());
  return columns.filter(Boolean);
}

/** One column as a journeyColumn value given once (a comma list): quoted as a CSV field where its name needs it. */
const oneColumn = column => (/[",]/.test(column) || column !== column.trim() ? `"${column.replaceAll('"', '""')}"` : column);

/** Wires the panel; {@code onImported} reloads the views once an import has written journeys. */
export function initImportPanel({ onImported }) {
  const form = document.getElementById('import-form');
  const fileInput = document.getElementById('import-file');
  const keyInput = document.getElementById('import-key');
  const keyLabel = document.getElementById('import-key-field');
  const useKey = document.getElementById('import-key-use');
  const status = document.getElementById('import-status');
  const mappingBox = document.getElementById('import-mapping');
  const previewBox = document.getElementById('import-preview');
  const start = document.getElementById('import-start');
  const cancel = document.getElementById('import-cancel');
  const progress = document.getElementById('import-progress');
  const progressText = document.getElementById('import-progress-text');
  const result = document.getElementById('import-result');

  let file = null;
  /** The mapping shown: role -> column (the journey's key apart); null until the first preview. */
  let mapping = null;
  /** The columns that key a journey together, in key order; empty for the server's suggestion. */
  let journeyKey = [];
  /**
   * The columns ordering a journey's events of one time, first column first (GA4: batch_ordering_id, then
   * batch_event_index): empty for none, undefined until the server suggests them.
   */
  let orderColumns;
  /** The column of the event's name (eventColumn): '' for none, undefined until the server suggests one. */
  let eventColumn;
  /** The column the server last suggested or read as the event's name, for saying why. */
  let suggestedEventColumn = null;
  /** The rules by event name, parameter -> the names ticked, in the order shown. */
  let eventRules = noEventRules();
  /** The event names of the rows previewed with their rows (the preview's eventNames). */
  let eventNames = [];
  /** The fieldset of the event names as drawn, and its markup (ticks aside), to keep it in place while it stays so. */
  let eventNamesShown = null;
  let eventNamesMarkup = '';
  let columns = [];
  /** What to do again once the key is given, after a refusal. */
  let pending = null;
  let previewGeneration = 0;
  let job = null;

  keyInput.value = storedKey();
  keyInput.addEventListener('change', () => rememberKey(keyInput.value));

  function storedKey() {
    try {
      return sessionStorage.getItem(KEY_STORE) || '';
    } catch (ignored) {
      return '';
    }
  }

  function rememberKey(value) {
    try {
      if (value.trim()) sessionStorage.setItem(KEY_STORE, value.trim());
      else sessionStorage.removeItem(KEY_STORE);
    } catch (ignored) { /* storage unavailable: the field still holds the key */ }
  }

  function headers(extra) {
    const key = keyInput.value.trim();
    return key ? { ...extra, [KEY_HEADER]: key } : { ...extra };
  }

  /** Shows the key field as the thing to fill in, and keeps {@code action} to run once it is given. */
  function askForKey(action, problem) {
    pending = action;
    keyLabel.classList.add('wanted');
    useKey.hidden = false;
    status.className = 'import-status warn';
    status.textContent = `${problem && problem.detail ? problem.detail : 'The server refused the API key'}. `
      + 'Writes need the API key (in the server’s data folder, file api-key): enter it and press “Use key”.';
    keyInput.focus();
  }

  function keyGiven() {
    rememberKey(keyInput.value);
    keyLabel.classList.remove('wanted');
    useKey.hidden = true;
    const action = pending;
    pending = null;
    if (action) action();
  }
  useKey.addEventListener('click', keyGiven);
  keyInput.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      keyGiven();
    }
  });

  /** The content type the server reads the file as: NDJSON by its extension, else CSV. */
  function contentType() {
    return /\.(ndjson|jsonl|json)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
  }

  /** The import's options that the form sets, as query parameters of the same names. */
  const OPTIONS = ['purchase', 'competitor', 'frustration', 'urls', 'zone', 'delimiter', 'onError'];

  /** The rewrite rules of the form, one a line ({@code REGEX -> TEXT}), blank lines left out. */
  function rewriteRules() {
    return String(new FormData(form).get('rewrite') || '').split(/\r?\n/).map(line => line.trim()).filter(Boolean);
  }

  /** The query parameters of the import: the columns mapped away from the defaults, the rules and options. */
  function importParams() {
    const params = new URLSearchParams();
    if (mapping) {
      for (const [role, defaultColumn] of ROLES) {
        const column = mapping[role];
        if (role !== 'journey' && column && column !== defaultColumn) params.set(`${role}Column`, column);
      }
      // Several columns: the parameter repeated, one whole column each, in key order.
      if (journeyKey.length > 1) for (const column of journeyKey) params.append('journeyColumn', column);
      else if (journeyKey.length === 1 && journeyKey[0] !== DEFAULT_JOURNEY_COLUMN) {
        params.set('journeyColumn', oneColumn(journeyKey[0]));
      }
      // As the key: several columns repeat the parameter, one whole column each, first column first. "none" is sent
      // empty: the import then keeps file order, and the preview suggests none (GA4's batch columns) in its place.
      if (orderColumns && orderColumns.length > 1) for (const column of orderColumns) params.append('orderColumn', column);
      else if (orderColumns && orderColumns.length === 1) params.set('orderColumn', oneColumn(orderColumns[0]));
      else if (orderColumns) params.set('orderColumn', '');
      // The rules by event name need their column; none ticked as steps is every row a step. "none" is sent empty:
      // the import then reads no event name, and the preview suggests none (GA4's event_name) in its place.
      if (eventColumn) {
        params.set('eventColumn', eventColumn);
        for (const [rule] of EVENT_RULES) appendList(params, rule, eventRules[rule]);
      } else if (eventColumn === '') {
        params.set('eventColumn', '');
      }
    }
    const data = new FormData(form);
    for (const name of OPTIONS) {
      const value = String(data.get(name) || '').trim();
      if (value) params.set(name, value);
    }
    // Each rule a parameter of its own, applied in the order given.
    for (const rule of rewriteRules()) params.append('rewrite', rule);
    return params;
  }

  /**
   * A list parameter (a journey's key, a rule by event name): one value alone, quoted as a CSV field where it needs it;
   * several repeat the parameter, one whole value each, in order.
   */
  function appendList(params, name, values) {
    if (values.length > 1) for (const value of values) params.append(name, value);
    else if (values.length === 1) params.set(name, oneColumn(values[0]));
  }

  /** The first bytes of the file, cut after the last complete line when the file goes on. */
  async function head() {
    if (file.size <= PREVIEW_BYTES) return file;
    const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
    const end = bytes.lastIndexOf(10);
    return new Blob([end > 0 ? bytes.subarray(0, end + 1) : bytes]);
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch (ignored) {
      return { detail: `HTTP ${response.status}` };
    }
  }

  /**
   * A 400 problem naming one of the panel's fields (a rewrite rule the server cannot read, a zone it does not know, an
   * order column that a role reads): its detail under that field, beside its label and not in it, the field marked
   * invalid and described by it (aria-describedby); true when it named one. A problem naming several parameters
   * (journeyColumn,orderColumn) is said under each. Of a list of selects (the journey's key, the order), the problem
   * is said under the select of the column it names (its column, else its errors' fields), else under the first one.
   * Any other answer (null) clears the marks.
   */
  function sayFieldProblem(problem) {
    for (const field of form.querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
      const own = field.dataset.describedby || '';
      if (own) field.setAttribute('aria-describedby', own);
      else field.removeAttribute('aria-describedby');
    }
    for (const shown of form.querySelectorAll('.field-problem')) shown.remove();
    const names = String((problem && problem.parameter) || '').split(',').map(name => name.trim());
    const fields = names.filter(name => name && name !== 'apiKey').map(name => form.elements.namedItem(name))
      .filter(field => field instanceof HTMLElement && field.name).flatMap(field => listSelectsAtFault(field, problem));
    for (const field of fields) {
      const box = document.createElement('p');
      box.className = 'field-problem';
      box.id = field.name ? `import-${field.name}-problem` : `${field.id}-problem`;
      box.setAttribute('role', 'alert');
      box.textContent = problem.detail || problem.title || 'refused by the server';
      // After the field's label and control, never inside the label: the problem is no part of the field's name. A
      // select of a list, right after its own row (its select and ×), so that it is said under the column at fault.
      const row = field.closest('.mapping-key') ? field.closest('.key-column') || field : null;
      if (row) row.after(box);
      else (field.closest('.import-field') || field.parentElement).append(box);
      field.dataset.describedby = field.dataset.describedby ?? (field.getAttribute('aria-describedby') || '');
      field.setAttribute('aria-describedby', `${field.dataset.describedby} ${box.id}`.trim());
      field.setAttribute('aria-invalid', 'true');
    }
    return fields.length > 0;
  }

  /**
   * The selects of the list that {@code field} (its first select) heads, whose column the problem names: its
   * {@code column}, else the columns its errors' fields list (a header without them); the first select where the
   * problem names none of them, {@code field} itself for a field that heads no list.
   */
  function listSelectsAtFault(field, problem) {
    if (!LIST_SELECTS[field.name]) return [field];
    const named = new Set(problem.column != null ? [problem.column]
      : (problem.errors || []).flatMap(error => String(error.field || '').split(',')));
    const atFault = [...mappingBox.querySelectorAll(LIST_SELECTS[field.name])].filter(select => select.value
      && named.has(select.value));
    return atFault.length ? atFault : [field];
  }

  async function preview() {
    if (!file) return;
    const mine = ++previewGeneration;
    start.disabled = true;
    status.className = 'import-status';
    status.textContent = `reading the first rows of ${file.name}…`;
    const params = importParams();
    params.set('rows', String(PREVIEW_ROWS));
    try {
      const response = await fetch(`/api/events/preview?${params}`, {
        method: 'POST', headers: headers({ 'Content-Type': contentType(), Accept: 'application/json' }), body: await head(),
      });
      if (mine !== previewGeneration) return;
      if (response.status === 401 || response.status === 403) {
        askForKey(preview, await problemOf(response));
        return;
      }
      if (!response.ok) {
        const problem = await problemOf(response);
        status.className = 'import-status warn';
        status.textContent = '';
        if (response.status === 400 && sayFieldProblem(problem)) {
          // Said under the field: the rows of the last preview are not what these fields would import.
          status.textContent = 'The preview was refused: correct the field marked.';
          previewBox.innerHTML = '';
          result.innerHTML = '';
          return;
        }
        sayFieldProblem(null);
        if (problem.columns) {
          // A header the import cannot read: the columns it has still come back, to map them.
          columns = problem.columns;
          adopt(problem);
          renderMapping(problem);
          previewBox.innerHTML = '';
        }
        result.innerHTML = renderProblem(problem);
        return;
      }
      const answer = await response.json();
      sayFieldProblem(null);
      columns = answer.columns || [];
      adopt(answer);
      renderMapping(answer);
      renderPreview(answer);
      const skipped = (answer.rows || []).filter(row => row.type === 'skipped').length;
      const bad = answer.rowsRead - answer.validRows - skipped;
      status.className = 'import-status';
      status.textContent = `${file.name}: ${answer.format.toUpperCase()}, ${counted(file.size, 'byte')}, ${counted(columns.length, 'column')}. `
        + `${answer.rowsRead === 1 ? 'The first row' : `The first ${count(answer.rowsRead)} rows`}: ${count(answer.validRows)} valid`
        + `${bad > 0 ? `, ${count(bad)} with errors` : ''}${skipped ? `, ${count(skipped)} passed over by event name` : ''}`
        + ` in ${counted(answer.journeys, 'journey')}.`;
      result.innerHTML = '';
      start.disabled = false;
    } catch (error) {
      if (mine === previewGeneration) {
        status.className = 'import-status warn';
        status.textContent = `The preview failed: ${error.message}`;
      }
    }
  }

  /**
   * Takes the mapping the server answered: the roles' columns as suggested or echoed; the journey's key as the page
   * chose it, else as suggested (several columns for a GA4 header); the order columns suggested for a new file only,
   * so that "none" chosen stays none; the event name's column and the purchase event likewise (GA4's purchase).
   */
  function adopt(answer) {
    mapping = { ...(answer.mapping || {}) };
    const why = (answer.suggestedBy || {}).journey;
    if (!(why === 'parameter' && journeyKey.length)) {
      const text = mapping.journey || '';
      journeyKey = why === 'parameter' || why === 'ga4' ? columnList(text) : text ? [text] : [];
    }
    if (orderColumns === undefined) orderColumns = mapping.order ? columnList(mapping.order) : [];
    delete mapping.order;
    if (answer.mapping) {
      suggestedEventColumn = mapping.event || null;
      if (eventColumn === undefined) {
        eventColumn = mapping.event || '';
        const suggested = (answer.parameters || {}).purchaseEvent;
        eventRules = { ...noEventRules(), purchaseEvent: eventColumn && suggested ? columnList(suggested) : [] };
      }
      eventNames = answer.eventNames || [];
    }
    delete mapping.event;
  }

  function noEventRules() {
    return Object.fromEntries(EVENT_RULES.map(([rule]) => [rule, []]));
  }

  /** A select of the header's columns, {@code chosen} selected, with the attributes given. */
  function columnSelect(attributes, chosen, none = '—') {
    return `<select ${attributes}>${['', ...columns].map(column => `<option value="${esc(column)}"${chosen === column ? ' selected' : ''}>${
      column === '' ? esc(none) : esc(column)}</option>`).join('')}</select>`;
  }

  /**
   * A role's field: its label, its select (named as its parameter, so that a problem naming the parameter is said
   * under it) and why the server suggests its column, apart from the label and describing the select.
   */
  function roleField(role, label, why) {
    const id = `import-map-${role}`;
    return `<div class="import-field"><label for="${id}">${esc(label)}</label>
      ${columnSelect(`id="${id}" name="${role}Column" data-role="${role}" aria-describedby="${id}-why"`, mapping[role] || '')}
      <span class="why" id="${id}-why">${why[role] ? esc(WHY[why[role]] || `suggested (${why[role]})`) : ''}</span></div>`;
  }

  /** The journey's key: a select per column in key order (the first as any role's), and "add a column". */
  function keyField(why) {
    const key = journeyKey.length ? journeyKey : [''];
    const more = key.slice(1).map((column, i) => `<span class="key-column">${columnSelect(
      `id="import-map-journey-${i + 2}" data-role="journey" data-key="${i + 1}" aria-label="journey id, column ${i + 2}"`
      + ' aria-describedby="import-map-journey-why"', column)}<button type="button" class="ghost mini" data-remove-key="${i + 1}"
      aria-label="remove column ${i + 2} of the journey id">×</button></span>`).join('');
    return `<div class="import-field mapping-key"><label for="import-map-journey">journey id</label>
      ${columnSelect('id="import-map-journey" name="journeyColumn" data-role="journey" data-key="0" '
        + 'aria-describedby="import-map-journey-why"', key[0])}${more}
      <button type="button" class="ghost mini" data-add-key${journeyKey.length ? '' : ' hidden'}>+ add a column</button>
      <span class="why" id="import-map-journey-why">${why.journey ? esc(WHY[why.journey] || `suggested (${why.journey})`) : ''}${
        journeyKey.length > 1 ? ` · ${journeyKey.length} columns name a journey together` : ''}</span></div>`;
  }

  /** The order of same-time events: a select per column, first column first, and "add a column" once one is chosen. */
  function orderField(why) {
    const order = orderColumns && orderColumns.length ? orderColumns : [''];
    const more = order.slice(1).map((column, i) => `<span class="key-column">${columnSelect(
      `id="import-map-order-${i + 2}" data-order="${i + 1}" aria-label="order of same-time events, column ${i + 2}"`
      + ' aria-describedby="import-map-order-why"', column, 'none')}<button type="button" class="ghost mini" data-remove-order="${i + 1}"
      aria-label="remove column ${i + 2} of the order">×</button></span>`).join('');
    const chosen = order[0] !== '';
    return `<div class="import-field mapping-key" title="Orders a journey's events of the same time by this column's values, then by the next column's (GA4: batch_ordering_id, then batch_event_index)">
      <label for="import-map-order">order of same-time events</label>
      ${columnSelect('id="import-map-order" name="orderColumn" data-order="0" aria-describedby="import-map-order-why"', order[0], 'none (file order)')}${more}
      <button type="button" class="ghost mini" data-add-order${chosen ? '' : ' hidden'}>+ add a column</button>
      <span class="why" id="import-map-order-why">${chosen && why.order ? esc(WHY[why.order] || why.order) : ''}${
        order.length > 1 ? ` · by ${order.length} columns, first column first` : ''}</span></div>`;
  }

  /** The event name's column: none (every row read by its page alone) or a column, preset as the server suggests. */
  function eventField(why) {
    const said = eventColumn && eventColumn === suggestedEventColumn && why.event ? WHY[why.event] || `suggested (${why.event})` : '';
    return `<div class="import-field" title="The column of each row's event name (GA4: event_name, PostHog: event), to choose the events that become steps">
      <label for="import-map-event">event name column</label>
      ${columnSelect('id="import-map-event" name="eventColumn" data-event-column aria-describedby="import-map-event-why"',
        eventColumn || '', 'none')}
      <span class="why" id="import-map-event-why">${esc(said)}</span></div>`;
  }

  /**
   * The event names of the rows previewed, with their rows, and one checkbox per rule (step, purchase, abandon,
   * frustration), each labelled by the name and the rule; names ticked that the rows previewed lack are listed too.
   * The ticks are no part of the markup: renderMapping sets them, so that a tick keeps the same markup.
   */
  function eventNamesField() {
    if (!eventColumn) return '';
    const seen = new Map(eventNames.map(each => [each.name, each.rows]));
    const ticked = EVENT_RULES.flatMap(([rule]) => eventRules[rule]).filter(name => !seen.has(name));
    const names = [...seen.keys(), ...new Set(ticked)];
    const heads = EVENT_RULES.map(([, what]) => `<th scope="col">${esc(what)}</th>`).join('');
    const rows = names.map((name, i) => `<tr data-event="${esc(name)}"><th scope="row"><code>${esc(name)}</code></th>
      <td class="num">${seen.has(name) ? count(seen.get(name)) : '–'}</td>${EVENT_RULES.map(([rule, what]) => `<td><input type="checkbox"
        id="import-event-${rule}-${i}" data-rule="${rule}" value="${esc(name)}" aria-label="${esc(name)}: ${esc(what)}"></td>`).join('')}</tr>`).join('');
    return `<fieldset class="import-event-names" aria-describedby="import-event-names-hint"><legend>Events by name</legend>
      <p class="hint" id="import-event-names-hint">Rows of the names ticked as steps become steps, the others are passed over
      (none ticked: every row is a step); a name ticked as a purchase, abandon or frustration marks its rows so, and keeps them.</p>
      ${names.length ? `<table class="paths import-events"><thead><tr><th scope="col">event name</th><th scope="col" class="num">rows previewed</th>${
        heads}</tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">No event names in the rows previewed.</p>'}</fieldset>`;
  }

  function renderMapping(answer) {
    const why = answer.suggestedBy || {};
    // Drawn anew with every preview: the field that had the focus gets it back. The event names stay the same
    // elements while their markup does (a tick previews again with the same names), only their ticks set again.
    const focused = mappingBox.contains(document.activeElement) ? document.activeElement.id : '';
    const names = eventNamesField();
    const kept = names && names === eventNamesMarkup && mappingBox.contains(eventNamesShown) ? eventNamesShown : null;
    mappingBox.innerHTML = `<h3 class="sub-head">Columns <span class="muted">(${columns.length}; suggested by the server, change any role)</span></h3>
      <div class="import-columns">${columns.map(column => `<code>${esc(column === '' ? '(unnamed)' : column)}</code>`).join('')}</div>
      <div class="mapping-grid">${ROLES.map(([role, , label]) => (role === 'journey' ? keyField(why) : roleField(role, label, why))).join('')}
        ${orderField(why)}${eventField(why)}</div>
      ${kept ? '<div data-event-names-kept></div>' : names}
      ${answer.attributes && answer.attributes.length ? `<p class="muted">Kept as journey or event attributes: ${answer.attributes.map(esc).join(', ')}</p>` : ''}`;
    if (kept) mappingBox.querySelector('[data-event-names-kept]').replaceWith(kept);
    eventNamesShown = mappingBox.querySelector('.import-event-names');
    eventNamesMarkup = names;
    for (const box of mappingBox.querySelectorAll('input[data-rule]')) box.checked = eventRules[box.dataset.rule].includes(box.value);
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  }

  function renderPreview(answer) {
    const rows = answer.rows || [];
    if (!rows.length) {
      previewBox.innerHTML = '<p class="muted">No data rows.</p>';
      return;
    }
    // Said above the rows, which may scroll: with onError=reject one bad row makes the whole import refused.
    const refusal = answer.refusal
      ? `<p class="warn import-refusal" data-line="${answer.refusal.line}" role="alert"><b>The import would be refused from line ${
        answer.refusal.line}:</b> ${esc(answer.refusal.message)}</p>`
      : '';
    previewBox.innerHTML = `${refusal}${cleaningSummary(answer)}<h3 class="sub-head">First rows as they would be imported</h3>
      <table class="paths import-rows"><thead><tr><th class="num">line</th><th>journey</th><th>touchpoint</th><th>time (UTC)</th><th>type</th></tr></thead>
      <tbody>${rows.map(row => (row.errors && row.errors.length
        ? `<tr data-line="${row.line}" class="bad"><td class="num">${row.line}</td><td colspan="4">${row.errors.map(e =>
          `<span class="warn">${e.field ? `<b>${esc(e.field)}</b> ` : ''}${esc(e.reason)}</span>`).join('<br>')}</td></tr>`
        : row.type === 'skipped'
        ? `<tr data-line="${row.line}" class="skipped"><td class="num">${row.line}</td><td colspan="3" class="muted">passed over: its event name is not ticked as a step</td><td>skipped</td></tr>`
        : `<tr data-line="${row.line}"><td class="num">${row.line}</td><td>${esc(row.journey || `customer ${row.customer}`)}</td>
          <td><span class="chip${row.owner === 'competitor' ? ' competitor' : ''}">${esc(row.touchpoint)}</span></td>
          <td>${esc(row.timestamp.replace('T', ' ').replace('Z', ''))}</td><td>${esc(row.type)}</td></tr>`)).join('')}</tbody></table>
      ${answer.emptyRows ? `<p class="muted import-empty-rows">${counted(answer.emptyRows, 'row')} of empty cells only ${
        answer.emptyRows === 1 ? 'is' : 'are'} passed over, as the import passes them over.</p>` : ''}
      ${answer.truncated ? `<p class="muted">…the rest of the file is read when it is imported.</p>` : ''}
      ${(answer.warnings || []).map(w => `<p class="warn">${esc(w.message)}</p>`).join('')}`;
  }

  /** What cleaning the names ({@code urls}, rewrite rules) did to the rows previewed: "42 page names become 7 touchpoints". */
  function cleaningSummary(answer) {
    const cleaning = answer.cleaning;
    if (!cleaning) return '';
    return `<p class="import-cleaning"><b>${counted(cleaning.names, 'page name')} ${cleaning.names === 1 ? 'becomes' : 'become'} ${
      counted(cleaning.touchpoints, 'touchpoint')}</b>: ${count(cleaning.renamedEvents)} of the ${counted(answer.rowsRead, 'row')} previewed renamed.</p>`;
  }

  function renderReport(report) {
    const rules = (report.outcomeRules || []).map(rule => `<li>${esc(rule.rule)}: ${counted(rule.matchedEvents, 'event')} (${
      rule.names.map(n => `${esc(n.name)} ${count(n.matchedEvents)}`).join(', ')})</li>`).join('');
    const warnings = (report.warnings || []).map(w => `<li class="warn">${esc(w.message)}</li>`).join('');
    // Journeys written again for a new open horizon alone are updated, but not extended: their events are as stored.
    const horizonOnly = report.journeysHorizonChanged || 0;
    const skipped = report.rowsRejected ? `<p class="warn">${counted(report.rowsRejected, 'bad row')} ${agrees(report.rowsRejected, 'was', 'were')} skipped:</p>${errorTable(report.errors, report.rowsRejected)}` : '';
    return `<div class="import-report" data-state="done">
      <p><b>Imported ${counted(report.eventsImported, 'event')} into ${counted(report.journeysImported, 'journey')}</b>
      (${count(report.journeysCreated)} new, ${count(report.journeysUpdated - horizonOnly)} extended${horizonOnly ? `, ${
        count(horizonOnly)} written again only for a new open horizon, ${agrees(horizonOnly, 'its', 'their')} events as stored` : ''
      }) from ${counted(report.rowsRead, 'row')}
      ${report.duplicateEvents ? `, ${counted(report.duplicateEvents, 'duplicate event')} counted once` : ''} in ${duration(report.millis / 1000)}.
      The store now holds ${counted(report.totalJourneys, 'journey')} and ${counted(report.totalEvents, 'event')}.</p>
      ${openChanged(report)}
      ${report.cleaning ? `<p class="import-cleaning">${counted(report.cleaning.names, 'page name')} became ${
        counted(report.cleaning.touchpoints, 'touchpoint')}, ${counted(report.cleaning.renamedEvents, 'event')} renamed.</p>` : ''}
      ${report.emptyRows ? `<p class="muted">${counted(report.emptyRows, 'row')} of empty cells only passed over.</p>` : ''}
      ${rules ? `<ul class="mini">${rules}</ul>` : ''}${warnings ? `<ul class="mini">${warnings}</ul>` : ''}${skipped}
      ${report.importId ? `<p class="muted">Journal entry ${esc(report.importId)}: DELETE /api/imports/${esc(report.importId)} undoes it.</p>` : ''}</div>`;
  }

  /**
   * The journeys an import finished or opened again, by a new open horizon or the events it added: "Of the journeys
   * updated, 2 were open and are finished now." Empty where it did neither.
   */
  function openChanged(report) {
    const closed = report.journeysClosed || 0;
    const reopened = report.journeysReopened || 0;
    const said = [];
    if (closed) said.push(`${counted(closed, 'journey')} ${agrees(closed, 'was', 'were')} open and ${agrees(closed, 'is', 'are')} finished now`);
    if (reopened) said.push(`${counted(reopened, 'journey')} ${agrees(reopened, 'was', 'were')} finished and ${agrees(reopened, 'is', 'are')} open now`);
    return said.length ? `<p class="import-open-changed">Of the journeys updated, ${said.join('; ')}.</p>` : '';
  }

  function errorTable(errors, total) {
    if (!errors || !errors.length) return '';
    return `<table class="paths import-errors"><thead><tr><th class="num">line</th><th>field</th><th>what is wrong</th></tr></thead>
      <tbody>${errors.map(e => `<tr data-line="${e.line}"><td class="num">${e.line || '–'}</td><td>${esc(e.field || '')}</td><td>${esc(e.reason)}</td></tr>`).join('')}</tbody></table>
      ${total > errors.length ? `<p class="muted">…and ${count(total - errors.length)} more.</p>` : ''}`;
  }

  function renderProblem(problem) {
    return `<div class="import-problem" data-state="problem"><p><b>${esc(problem.title || 'The import was refused')}</b>: ${esc(problem.detail || '')}</p>
      ${problem.parameter ? `<p class="muted">Parameter: ${esc(problem.parameter)}</p>` : ''}
      ${errorTable(problem.errors, problem.errorCount)}</div>`;
  }

  function showProgress(state) {
    progress.hidden = false;
    const reading = state.status === 'queued' || state.status === 'waiting' || state.status === 'reading';
    const [done, total] = reading ? [state.bytesRead, state.bytesTotal] : [state.journeysWritten, state.journeysTotal];
    if (total) {
      progress.max = total;
      progress.value = Math.min(done || 0, total);
    } else {
      progress.removeAttribute('value');
    }
    const what = state.status === 'waiting' ? `waiting for instance ${state.waitingFor} to end its write`
      : reading ? `${state.status} · ${count(state.bytesRead)} of ${total ? count(total) : '?'} bytes, ${counted(state.rowsRead, 'row')}`
      : `${state.status} · ${count(state.journeysWritten)} of ${total ? counted(total, 'journey') : '? journeys'}`;
    progressText.textContent = `${what}${state.eventsPerSecond ? ` · ${count(state.eventsPerSecond)} events/s` : ''}`
      + `${state.secondsLeft != null ? ` · about ${duration(state.secondsLeft)} left` : ''}`;
  }

  function finished() {
    job = null;
    cancel.hidden = true;
    progress.hidden = true;
    progressText.textContent = '';
    start.disabled = !file;
  }

  /** Follows an import job at {@code location} until it is done, failed or cancelled. */
  async function follow(location) {
    job = { location, cancelled: false };
    cancel.hidden = false;
    while (job) {
      const response = await fetch(location, { headers: headers({ Accept: 'application/json' }) });
      if (!response.ok) {
        result.innerHTML = renderProblem(await problemOf(response));
        finished();
        return;
      }
      const state = await response.json();
      if (state.status === 'done') {
        result.innerHTML = renderReport(state.report || {});
        finished();
        onImported();
        return;
      }
      if (state.status === 'failed') {
        result.innerHTML = renderProblem(state.problem || { detail: 'The import failed; nothing was written.' });
        finished();
        return;
      }
      if (state.status === 'cancelled') {
        result.innerHTML = '<p class="import-problem" data-state="cancelled">The import was cancelled; nothing was written.</p>';
        finished();
        return;
      }
      showProgress(state);
      await new Promise(resolve => setTimeout(resolve, POLL_MILLIS));
    }
  }

  cancel.addEventListener('click', async () => {
    if (!job) return;
    cancel.disabled = true;
    try {
      const response = await fetch(job.location, { method: 'DELETE', headers: headers({ Accept: 'application/json' }) });
      if (response.status === 401 || response.status === 403) askForKey(() => cancel.click(), await problemOf(response));
      else progressText.textContent = 'cancelling…';
    } finally {
      cancel.disabled = false;
    }
  });

  async function runImport() {
    if (!file || job) return;
    start.disabled = true;
    result.innerHTML = '';
    status.className = 'import-status';
    status.textContent = `importing ${file.name}…`;
    progress.hidden = false;
    progress.removeAttribute('value');
    try {
      const response = await fetch(`/api/events?${importParams()}`, {
        method: 'POST',
        headers: headers({ 'Content-Type': contentType(), Accept: 'application/json', Prefer: 'respond-async' }),
        body: file,
      });
      if (response.status === 401 || response.status === 403) {
        finished();
        askForKey(runImport, await problemOf(response));
        return;
      }
      if (response.status === 202 && response.headers.get('Location')) {
        status.textContent = `importing ${file.name} on the server…`;
        await follow(new URL(response.headers.get('Location'), location.href).pathname);
        status.textContent = '';
        return;
      }
      if (!response.ok) {
        const problem = await problemOf(response);
        if (!(response.status === 400 && sayFieldProblem(problem))) result.innerHTML = renderProblem(problem);
        status.textContent = '';
        finished();
        return;
      }
      result.innerHTML = renderReport(await response.json());
      status.textContent = '';
      finished();
      onImported();
    } catch (error) {
      status.className = 'import-status warn';
      status.textContent = `The import failed: ${error.message}`;
      finished();
    }
  }

  fileInput.addEventListener('change', () => {
    file = fileInput.files && fileInput.files[0] ? fileInput.files[0] : null;
    mapping = null;
    journeyKey = [];
    orderColumns = undefined;
    eventColumn = undefined;
    eventRules = noEventRules();
    mappingBox.innerHTML = '';
    previewBox.innerHTML = '';
    result.innerHTML = '';
    preview();
  });
  mappingBox.addEventListener('change', event => {
    if (!mapping) return;
    if (event.target.matches('select[data-event-column]')) {
      // Names of another column mean nothing in this one: its rules start empty.
      eventColumn = event.target.value;
      eventRules = noEventRules();
      preview();
      return;
    }
    if (event.target.matches('input[data-rule]')) {
      const rule = event.target.dataset.rule;
      eventRules[rule] = [...mappingBox.querySelectorAll(`input[data-rule="${rule}"]`)].filter(box => box.checked)
        .map(box => box.value);
      preview();
      return;
    }
    if (event.target.matches('select[data-order]')) {
      // The order's columns in the order of their selects, each once.
      const chosen = [...mappingBox.querySelectorAll('select[data-order]')].map(each => each.value).filter(Boolean);
      orderColumns = [...new Set(chosen)];
      preview();
      return;
    }
    const select = event.target.closest('select[data-role]');
    if (!select) return;
    if (select.dataset.role === 'journey') {
      // The key's columns in the order of their selects, each once.
      const chosen = [...mappingBox.querySelectorAll('select[data-role=journey]')].map(each => each.value).filter(Boolean);
      journeyKey = [...new Set(chosen)];
    } else if (select.value) {
      mapping[select.dataset.role] = select.value;
    } else {
      delete mapping[select.dataset.role];
    }
    preview();
  });
  mappingBox.addEventListener('click', event => {
    const add = event.target.closest('button[data-add-key]');
    const remove = event.target.closest('button[data-remove-key]');
    const addOrder = event.target.closest('button[data-add-order]');
    const removeOrder = event.target.closest('button[data-remove-order]');
    if (addOrder) {
      // A select more, with no column yet: the order changes once a column is chosen in it.
      const n = mappingBox.querySelectorAll('select[data-order]').length + 1;
      const span = document.createElement('span');
      span.className = 'key-column';
      span.innerHTML = columnSelect(`id="import-map-order-${n}" data-order="${n - 1}" `
        + `aria-label="order of same-time events, column ${n}" aria-describedby="import-map-order-why"`, '', 'none');
      addOrder.before(span);
      span.querySelector('select').focus();
    } else if (removeOrder) {
      orderColumns = orderColumns.filter((column, i) => i !== Number(removeOrder.dataset.removeOrder));
      preview();
    } else if (add) {
      // A select more, with no column yet: the key changes once a column is chosen in it.
      const n = mappingBox.querySelectorAll('select[data-role=journey]').length + 1;
      const span = document.createElement('span');
      span.className = 'key-column';
      span.innerHTML = columnSelect(`id="import-map-journey-${n}" data-role="journey" data-key="${n - 1}" `
        + `aria-label="journey id, column ${n}" aria-describedby="import-map-journey-why"`, '');
      add.before(span);
      span.querySelector('select').focus();
    } else if (remove) {
      journeyKey = journeyKey.filter((column, i) => i !== Number(remove.dataset.removeKey));
      preview();
    }
  });
  let timer;
  form.addEventListener('change', event => {
    // onError too: whether the preview warns that the import would be refused depends on it. The rewrite rules
    // change on leaving their field (a rule half typed is no rule), as the text fields do.
    if (OPTIONS.includes(event.target.name) || event.target.name === 'rewrite') {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (event.target.name === 'delimiter') {
          mapping = null;
          journeyKey = [];
          orderColumns = undefined;
          eventColumn = undefined;
          eventRules = noEventRules();
        }
        preview();
      }, 200);
    }
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    runImport();
  });
}
