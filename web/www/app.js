// The page: dates the textarea's article as it changes, and hands dropped files to worker.js.
import init, { date_article_json } from './pkg/kcna_dates_web.js';

const $ = (id) => document.getElementById(id);
const text = $('text');
const reference = $('reference');
const EXAMPLE = text.defaultValue;

const KIND_NAMES = {
  dateline: 'dateline',
  dmy: 'day-first stamp',
  juche_stamp: 'Juche stamp',
  dotted_stamp: 'dotted stamp',
  month_name: 'month-name date',
  juche_year: 'Juche year',
  korean_date: 'Korean date',
  korean_juche_year: 'Korean Juche year',
  iso_date: 'ISO date',
  spanish_date: 'Spanish date',
  weekday_ref: 'weekday',
  month_day_ref: 'day without a year',
  month_ref: 'month',
  spanish_day_ref: 'Spanish day without a year',
  spanish_day_pair: 'Spanish days without a year',
  korean_month_day: 'Korean day without a year',
};
const ROLE_NAMES = {
  page_stamp: 'page stamp',
  day_first_stamp: 'day-first stamp',
  header: 'heading date',
  dateline: 'dateline',
  signature: 'signature date',
};
const RESOLUTION_NAMES = {
  explicit: 'full date',
  weekday: 'weekday',
  month_day: 'month and day',
  weekday_month_day: 'weekday, month and day',
  month: 'month',
};
const kindName = (kind) => KIND_NAMES[kind] ?? kind;
const roleName = (role) => ROLE_NAMES[role] ?? role;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 days before", "1 day after", "the same day". */
function difference(days) {
  if (days === 0) return 'the same day as';
  return `${plural(Math.abs(days), 'day')} ${days < 0 ? 'before' : 'after'}`;
}

/** An element with text and attributes. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('data-') || key === 'title' || key === 'tabindex' || key.startsWith('aria-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Selects `start..end` (UTF-16 offsets) in the textarea and scrolls the mark into view. */
function reveal(start, end) {
  text.focus();
  text.setSelectionRange(start, end);
  const mark = $('highlighted').querySelector(`[data-start="${start}"]`);
  if (mark) {
    mark.classList.add('flash');
    setTimeout(() => mark.classList.remove('flash'), 1200);
  }
}

let current = '';
/** The text of an item with UTF-16 offsets. */
const slice = (item) => current.slice(item.start_utf16, item.end_utf16);
/** An error object's message. */
const message = (error) => (error && typeof error === 'object' ? error.message : error) ?? '';

/** A button naming a piece of the text that selects it when pressed. */
function quote(item) {
  return el('button', {
    type: 'button',
    class: 'quote',
    title: 'Select it in the text',
    onclick: () => reveal(item.start_utf16, item.end_utf16),
  }, slice(item));
}

function fillList(id, items, render, empty) {
  const list = $(id);
  list.replaceChildren(...(items.length ? items.map((item, i) => render(item, i)) : [el('li', { class: 'none' }, empty)]));
  const count = $(id === 'body-dates' ? 'body-count' : `${id}-count`);
  if (count) count.textContent = items.length ? `(${items.length})` : '';
}

/**
 * The text with every notation `scan` finds wrapped in a mark, and every body date (`on Monday`,
 * `on May 7`) that is not inside a mark underlined.
 */
function highlight(source, found, signalDates, bodyDates) {
  const pieces = [
    ...found.map((f) => ({ start: f.start_utf16, end: f.end_utf16, found: f })),
    ...bodyDates.map((b) => ({ start: b.start_utf16, end: b.end_utf16, body: b })),
  ].sort((a, b) => a.start - b.start || (a.found ? -1 : 1));
  const out = [];
  let at = 0;
  for (const { start, end, found: f, body: b } of pieces) {
    if (start < at || end > source.length) continue;
    if (start > at) out.push(document.createTextNode(source.slice(at, start)));
    if (b) {
      const date = b.date ?? b.month ?? '';
      out.push(el('span', {
        class: 'body-date',
        'data-date': date,
        'data-start': String(start),
        title: `in the body (${RESOLUTION_NAMES[b.resolution] ?? b.resolution}): ${date || message(b.error) || 'no date'}`,
      }, source.slice(start, end)));
      at = end;
      continue;
    }
    // A day without a year (`on Monday`, `el 15 de junio`) takes the date its body date resolved
    // to, and is underlined as a body date.
    const inner = f.valid ? bodyDates.find((d) => d.start_utf16 >= start && d.end_utf16 <= end) : undefined;
    const resolved = inner ? (inner.date ?? inner.month ?? '') : '';
    const date = f.date ?? signalDates.get(start) ?? resolved;
    const props = {
      'data-kind': f.kind,
      'data-date': date,
      'data-valid': String(f.valid),
      'data-start': String(start),
    };
    if (inner) {
      props.class = 'body-date';
      props.title = `in the body (${RESOLUTION_NAMES[inner.resolution] ?? inner.resolution}): ${resolved || message(inner.error) || 'no date'}`;
    } else if (f.valid) {
      props.title = `${kindName(f.kind)}${date ? `: ${date}` : ' (no year)'}`;
    } else {
      props.class = 'invalid';
      props.title = `not a date: ${message(f.error)}`;
      props['data-error'] = message(f.error);
      props.tabindex = '0';
      props['aria-label'] = `${source.slice(start, end)}: not a date: ${message(f.error)}`;
    }
    out.push(el('mark', props, source.slice(start, end)));
    at = end;
  }
  if (at < source.length) out.push(document.createTextNode(source.slice(at)));
  $('highlighted').replaceChildren(...out);
}

function render(source, result) {
  current = source;
  const error = $('error');
  if (result.error) {
    error.textContent = result.error;
    error.hidden = false;
    return;
  }
  error.hidden = true;
  const pub = $('publication-date');
  pub.textContent = result.publication_date ?? '';
  pub.dataset.empty = String(!result.publication_date);
  const detail = $('publication-detail');
  const sourceSignal = result.source === null || result.source === undefined ? null : result.signals[result.source];
  if (sourceSignal) {
    const s = sourceSignal;
    detail.replaceChildren(`from the ${roleName(s.role)} `, quote(s),
      result.doubtful ? ' (doubtful: far before its reference)' : '');
  } else if (!source.trim()) {
    detail.textContent = 'Paste an article to date it.';
  } else {
    const unresolved = result.signals.some((s) => s.role === 'dateline' && !s.date);
    detail.textContent = unresolved
      ? 'No date: the dateline has no year. Give a reference date.'
      : 'No date: the text has no stamp, dateline or heading date.';
  }

  fillList('conflicts', result.conflicts, (c) => el('li', {
    class: 'conflict',
    'data-date': c.date,
    'data-publication-date': result.publication_date ?? '',
    'data-days': String(c.days),
  },
  el('strong', {}, c.date), ` is ${difference(c.days)} the publication date `,
  el('strong', {}, result.publication_date ?? ''), ` (${c.days > 0 ? '+' : ''}${c.days} days), from `,
  ...c.signals.flatMap((i, n) => {
    const s = result.signals[i];
    return s ? [n ? ', ' : '', quote(s)] : [];
  })), 'None: every signal agrees.');

  fillList('signals', result.signals, (s, i) => el('li', {
    'data-kind': s.kind, 'data-role': s.role, 'data-date': s.date ?? '',
    class: result.source === i ? 'source' : undefined,
  },
  el('span', { class: 'date' }, s.date ?? 'no date'), ' ', el('span', { class: 'role' }, roleName(s.role)), ' ',
  quote(s), s.doubtful ? el('span', { class: 'why' }, ' doubtful') : null,
  s.error ? el('span', { class: 'why' }, ` ${message(s.error)}`) : null), 'None.');

  fillList('body-dates', result.body_dates, (b) => el('li', {
    'data-date': b.date ?? b.month ?? '', 'data-resolution': b.resolution,
  },
  el('span', { class: 'date' }, b.date ?? b.month ?? 'no date'), ' ',
  el('span', { class: 'role' }, RESOLUTION_NAMES[b.resolution] ?? b.resolution), ' ',
  quote(b), b.error ? el('span', { class: 'why' }, ` ${message(b.error)}`) : null), 'None.');

  fillList('invalid', result.invalid, (f) => el('li', { 'data-kind': f.kind },
    quote(f), ' ', el('span', { class: 'why' }, message(f.error))), 'None.');

  const signalDates = new Map(result.signals.filter((s) => s.date).map((s) => [s.start_utf16, s.date]));
  highlight(source, result.found, signalDates, result.body_dates);
}

let pending = 0;
function update() {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const source = text.value;
    render(source, JSON.parse(date_article_json(source, reference.value)));
    document.body.dataset.ready = 'true';
  }, 60);
}

// ---- files ----
let worker = null;
let urls = [];
function datefile(file) {
  if (!file) return;
  if (worker) worker.terminate();
  urls.forEach((url) => URL.revokeObjectURL(url));
  urls = [];
  $('downloads').hidden = true;
  $('file-progress').hidden = false;
  const progress = $('progress');
  progress.value = 0;
  const status = $('file-status');
  status.dataset.state = 'running';
  status.textContent = `Reading ${file.name}…`;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') {
      progress.value = data.total ? data.bytes / data.total : 0;
      status.textContent = `${file.name}: ${data.records.toLocaleString('en')} records, `
        + `${Math.round(100 * progress.value)}%`;
    } else if (data.type === 'text') {
      text.value = data.text;
      update();
    } else if (data.type === 'done') {
      progress.value = 1;
      const base = file.name.replace(/\.[^.]*$/, '') || 'dates';
      const jsonl = $('download-jsonl');
      const csv = $('download-csv');
      jsonl.href = URL.createObjectURL(data.jsonl);
      csv.href = URL.createObjectURL(data.csv);
      urls = [jsonl.href, csv.href];
      jsonl.download = `${base}.dates.jsonl`;
      csv.download = `${base}.dates.csv`;
      $('downloads').hidden = false;
      status.dataset.state = 'done';
      status.dataset.records = String(data.records);
      status.dataset.errors = String(data.errors);
      status.textContent = `${file.name}: ${plural(data.records, 'record')}, ${data.dated.toLocaleString('en')} dated, `
        + `${plural(data.errors, 'error row')} (${(data.ms / 1000).toFixed(1)} s).`;
      worker.terminate();
      worker = null;
    } else if (data.type === 'error') {
      status.dataset.state = 'error';
      status.textContent = `${file.name}: ${data.message}`;
    }
  };
  worker.onerror = (event) => {
    status.dataset.state = 'error';
    status.textContent = `${file.name}: ${event.message || 'the worker failed'}`;
  };
  worker.postMessage({
    file,
    reference: reference.value,
    referenceField: $('reference-field').value,
  });
}

await init();
text.addEventListener('input', update);
reference.addEventListener('input', update);
reference.addEventListener('change', update);
$('example').addEventListener('click', () => { text.value = EXAMPLE; update(); text.focus(); });
$('clear').addEventListener('click', () => { text.value = ''; update(); text.focus(); });
$('file').addEventListener('change', (event) => datefile(event.target.files[0]));
// Files dropped anywhere on the page are dated too.
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  $('file-panel').open = true;
  datefile(file);
});
update();
