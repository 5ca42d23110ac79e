// The page. The main thread only renders: the text box's article is dated in text-worker.js and
// dropped files in worker.js, each in its own Web Worker that is terminated to cancel its job.
// Edits are debounced, and a text (with its reference) already dated or being dated is not sent
// again. The result stays in the text worker; the page asks it for the first items of each list
// (more on demand) and for the marks of one window of the text at a time (at most MAX_MARKS
// marks), so neither the lists nor the marked text grow with the article.
import init, { check_reference } from './pkg/kcna_dates_web.js';

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
// The kinds and tenses of body dates (`BodyDate::kind`, `BodyDate::tense`).
const BODY_KIND_NAMES = {
  full_date: 'full date',
  month_day: 'month and day',
  day: 'day of the month',
  weekday: 'weekday',
  relative_day: 'relative day',
  month: 'month',
};
const TENSE_NAMES = { past: 'past', future: 'future', none: 'year given' };
const kindName = (kind) => KIND_NAMES[kind] ?? kind;
/** "weekday, past" for a body date. */
const bodyKind = (b) => [BODY_KIND_NAMES[b.kind] ?? b.kind, TENSE_NAMES[b.tense] ?? b.tense]
  .filter(Boolean).join(', ');
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

/** How many UTF-16 units of text the marked view shows at a time, and at most how many marks. */
const WINDOW = 40_000;
const MAX_MARKS = 1_000;
/** How many items of each list are shown before "Show more". */
const LIST_PAGE = 100;
const fmt = (n) => n.toLocaleString('en');

// ---- the wasm module, compiled once and handed to every worker ----
const wasmModule = await WebAssembly.compileStreaming(fetch(new URL('./pkg/kcna_dates_web_bg.wasm', import.meta.url)));
await init({ module_or_path: wasmModule });

/** A worker with the compiled module. */
function spawn(script, onmessage) {
  const worker = new Worker(new URL(script, import.meta.url), { type: 'module' });
  worker.onmessage = onmessage;
  worker.postMessage({ type: 'init', module: wasmModule });
  return worker;
}

// ---- the text worker and its jobs ----
let textWorker = null;
let jobSeq = 0;
/** The job being dated: {id, text, reference, started}, or null. */
let running = null;
/** The job whose result is shown: {id, text, reference, summary}, or null. */
let shown = null;
let busyTimer = 0;

function startTextWorker() {
  textWorker = spawn('./text-worker.js', ({ data }) => onTextMessage(data));
}

/** Stops the running text job (terminates its worker and starts a fresh one). */
function cancelText(reason) {
  if (!running) return;
  textWorker.terminate();
  startTextWorker();
  running = null;
  clearInterval(busyTimer);
  delete document.body.dataset.busy;
  showBusy(null, reason);
}

function showBusy(job, doneText) {
  const box = $('text-busy');
  const status = $('text-status');
  if (job) {
    box.hidden = false;
    status.dataset.state = 'running';
    const mb = (job.text.length / 1e6).toFixed(1);
    status.textContent = `Dating ${job.text.length > 1e5 ? `${mb} million characters` : `${fmt(job.text.length)} characters`}… `
      + `${((performance.now() - job.started) / 1000).toFixed(1)} s`;
  } else {
    box.hidden = true;
    status.dataset.state = doneText ? 'cancelled' : 'done';
    status.textContent = doneText ?? '';
  }
}

/** Dates the text box's text with the reference, unless that is what is shown or running. */
function dateText() {
  delete document.body.dataset.pending;
  const source = article();
  const ref = reference.value.trim();
  const checked = JSON.parse(check_reference(ref));
  showReference(checked);
  if (checked.error) {
    cancelText('');
    showError(`reference date: ${checked.error}`);
    document.body.dataset.ready = 'true';
    return;
  }
  const same = (job) => job && job.text === source && job.reference === ref;
  if (same(running)) return;
  if (same(shown) && !shown.error) {
    cancelText('');
    showError(null);
    return;
  }
  cancelText('');
  jobSeq += 1;
  running = { id: jobSeq, text: source, reference: ref, started: performance.now() };
  const job = running;
  clearInterval(busyTimer);
  // Small texts come back within a frame or two: show the progress only for work that lasts.
  busyTimer = setInterval(() => { if (running === job) showBusy(job); }, 250);
  document.body.dataset.busy = 'true';
  textWorker.postMessage({
    type: 'date', id: job.id, text: source, reference: ref, listCount: LIST_PAGE,
    window: { from: 0, to: WINDOW, max: MAX_MARKS },
  });
}

// ---- the text box: at most SHOWN_MAX characters, the rest of a long article kept aside ----
/**
 * Chromium lays out a <textarea> whole: 5 MB in it blocks the page for about 5 s on every change.
 * So the box holds the article's first SHOWN_MAX characters (cut at a line break) and `tail` the
 * rest; edits in the box edit that start, and the whole article is dated.
 */
const SHOWN_MAX = 100_000;
let tail = '';
/** The whole article: the text box's text and the rest kept aside. */
const article = () => text.value + tail;
/** Puts `full` in the text box, its first SHOWN_MAX characters only. */
function setArticle(full, keepTail = true) {
  if (!keepTail) { tail = ''; $('text-more').hidden = true; return; }
  let cut = full.length;
  if (full.length > SHOWN_MAX) {
    const nl = full.lastIndexOf('\n', SHOWN_MAX);
    cut = nl > SHOWN_MAX / 2 ? nl + 1 : SHOWN_MAX;
  }
  text.value = full.slice(0, cut);
  tail = full.slice(cut);
  const more = $('text-more');
  more.hidden = !tail;
  if (tail) {
    more.textContent = `The box shows the first ${fmt(cut)} of ${fmt(full.length)} characters; the whole text is dated. `
      + 'Edits in the box change that part; select all of it to replace the whole text.';
  }
}

let pending = 0;
/** Debounced: a pause in typing, longer for long texts. */
function update() {
  clearTimeout(pending);
  const delay = text.value.length + tail.length > 200_000 ? 400 : 80;
  document.body.dataset.pending = 'true';
  pending = setTimeout(dateText, delay);
}

function showError(messageText) {
  const error = $('error');
  error.textContent = messageText ?? '';
  error.hidden = !messageText;
}

function showReference(checked) {
  const note = $('reference-note');
  reference.setAttribute('aria-invalid', String(Boolean(checked.error)));
  if (checked.error) {
    note.textContent = checked.error;
    note.dataset.state = 'error';
  } else {
    note.textContent = checked.date && checked.date !== reference.value.trim() ? `= ${checked.date} in Pyongyang` : '';
    note.dataset.state = 'ok';
  }
}

function onTextMessage(data) {
  if (data.type === 'ready' || data.type === 'phase') return;
  if (data.type === 'error') {
    if (running && data.id === running.id) {
      running = null;
      clearInterval(busyTimer);
      showBusy(null, '');
    }
    showError(`the page failed: ${data.message}`);
    return;
  }
  if (data.type === 'dated') {
    if (!running || data.id !== running.id) return;
    const job = running;
    running = null;
    clearInterval(busyTimer);
    showBusy(null);
    const status = $('text-status');
    status.dataset.ms = String(Math.round(data.ms));
    status.dataset.wasmBytes = String(data.wasmBytes);
    delete document.body.dataset.busy;
    if (data.error) {
      shown = { ...job, error: data.error };
      showError(data.error);
    } else {
      shown = { ...job, summary: data.summary };
      showError(null);
      render(job.text, data.summary, data.items, data.marks);
      if (job.text.length > 1e5) status.textContent = `Dated ${fmt(job.text.length)} characters in ${(data.ms / 1000).toFixed(1)} s.`;
    }
    document.body.dataset.ready = 'true';
    document.body.dataset.dated = String(job.id);
  } else if (data.type === 'items') {
    if (shown && data.id === shown.id) appendItems(data.list, data.from, data.items);
  } else if (data.type === 'marks') {
    if (shown && data.id === shown.id) {
      renderMarks(data);
      if (data.reveal) flash(data.reveal.start);
    }
  }
}

// ---- rendering ----
/** Selects `start..end` (UTF-16 offsets) in the textarea and shows its mark. */
function reveal(start, end) {
  if (end <= text.value.length) {
    text.focus();
    text.setSelectionRange(start, end);
  }
  if (view && start >= view.from && end <= view.to) {
    flash(start);
  } else if (shown) {
    // Outside the window: move the window to the line of the item.
    const from = Math.max(0, current.lastIndexOf('\n', Math.max(0, start - 1)) + 1);
    history = [];
    textWorker.postMessage({ type: 'marks', id: shown.id, from, to: from + WINDOW, max: MAX_MARKS, reveal: { start } });
  }
}

function flash(start) {
  const mark = $('highlighted').querySelector(`[data-start="${start}"]`);
  if (mark) {
    mark.classList.add('flash');
    mark.scrollIntoView({ block: 'nearest' });
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

const LIST_IDS = { signals: 'signals', body_dates: 'body-dates', conflicts: 'conflicts', invalid: 'invalid' };
const COUNT_IDS = { signals: 'signals-count', body_dates: 'body-count', conflicts: 'conflicts-count', invalid: 'invalid-count' };
const EMPTY = { signals: 'None.', body_dates: 'None.', conflicts: 'None: every signal agrees.', invalid: 'None.' };
let totals = {};
let publication = null;

const RENDER = {
  conflicts: (c) => el('li', {
    class: 'conflict',
    'data-date': c.date,
    'data-publication-date': publication ?? '',
    'data-days': String(c.days),
  },
  el('strong', {}, c.date), ` is ${difference(c.days)} the publication date `,
  el('strong', {}, publication ?? ''), ` (${c.days > 0 ? '+' : ''}${c.days} days), from `,
  ...c.signal_items.flatMap((s, n) => [n ? ', ' : '', quote(s)]),
  c.signals.length > c.signal_items.length ? ` and ${fmt(c.signals.length - c.signal_items.length)} more` : ''),
  signals: (s) => el('li', {
    'data-kind': s.kind, 'data-role': s.role, 'data-date': s.date ?? '',
    class: shown?.summary?.source_signal?.start === s.start ? 'source' : undefined,
  },
  el('span', { class: 'date' }, s.date ?? 'no date'), ' ', el('span', { class: 'role' }, roleName(s.role)), ' ',
  quote(s), s.doubtful ? el('span', { class: 'why' }, ' doubtful') : null,
  s.error ? el('span', { class: 'why' }, ` ${message(s.error)}`) : null),
  body_dates: (b) => el('li', {
    'data-date': b.date ?? b.month ?? '', 'data-resolution': b.resolution,
    'data-body-kind': b.kind, 'data-tense': b.tense,
  },
  el('span', { class: 'date' }, b.date ?? b.month ?? 'no date'), ' ',
  el('span', { class: 'role' }, `${bodyKind(b)} (${RESOLUTION_NAMES[b.resolution] ?? b.resolution})`), ' ',
  quote(b), b.error ? el('span', { class: 'why' }, ` ${message(b.error)}`) : null),
  invalid: (f) => el('li', { 'data-kind': f.kind }, quote(f), ' ', el('span', { class: 'why' }, message(f.error))),
};

/** A "Show more" button at the end of a list that has more items than it shows. */
function moreButton(list, shownCount) {
  const left = totals[list] - shownCount;
  if (left <= 0) return null;
  return el('li', { class: 'more' }, el('button', {
    type: 'button',
    class: 'more',
    onclick: (event) => {
      event.target.disabled = true;
      textWorker.postMessage({ type: 'items', id: shown.id, list, from: shownCount, count: LIST_PAGE });
    },
  }, `Show ${fmt(Math.min(LIST_PAGE, left))} more (${fmt(left)} not shown)`));
}

function fillList(list, items) {
  const node = $(LIST_IDS[list]);
  node.replaceChildren(...(items.length ? items.map(RENDER[list]) : [el('li', { class: 'none' }, EMPTY[list])]));
  const more = moreButton(list, items.length);
  if (more) node.append(more);
  $(COUNT_IDS[list]).textContent = totals[list] ? `(${fmt(totals[list])})` : '';
}

function appendItems(list, from, items) {
  const node = $(LIST_IDS[list]);
  node.querySelector('li.more')?.remove();
  node.append(...items.map(RENDER[list]));
  const more = moreButton(list, from + items.length);
  if (more) node.append(more);
}

/** The window of the text shown: {from, to, index, total}, and the starts of the windows before. */
let view = null;
let history = [];

/** The marked text of one window: every notation, and every body date outside a notation. */
function renderMarks({ from, to, index, total, marks }) {
  const out = [];
  let at = from;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) out.push(document.createTextNode(current.slice(at, m.start)));
    const piece = current.slice(m.start, m.end);
    const b = m.body;
    const bodyTitle = b ? `in the body (${bodyKind(b)}; ${RESOLUTION_NAMES[b.resolution] ?? b.resolution}): `
      + `${m.date || message(b.error) || 'no date'}` : '';
    if (!m.kind) {
      out.push(el('span', {
        class: 'body-date', 'data-date': m.date, 'data-start': String(m.start),
        'data-body-kind': b.kind, 'data-tense': b.tense, title: bodyTitle,
      }, piece));
    } else {
      const props = {
        'data-kind': m.kind, 'data-date': m.date, 'data-valid': String(m.valid), 'data-start': String(m.start),
      };
      if (b) {
        props.class = 'body-date';
        props.title = bodyTitle;
        props['data-body-kind'] = b.kind;
        props['data-tense'] = b.tense;
      } else if (m.valid) {
        props.title = `${kindName(m.kind)}${m.date ? `: ${m.date}` : ' (no year)'}`;
      } else {
        props.class = 'invalid';
        props.title = `not a date: ${m.error}`;
        props['data-error'] = m.error;
        props.tabindex = '0';
        props['aria-label'] = `${piece}: not a date: ${m.error}`;
      }
      out.push(el('mark', props, piece));
    }
    at = m.end;
  }
  if (at < to) out.push(document.createTextNode(current.slice(at, to)));
  const box = $('highlighted');
  box.replaceChildren(...out);
  box.scrollTop = 0;
  view = { from, to, index, total };
  const whole = from === 0 && to >= current.length;
  $('window').hidden = whole;
  if (!whole) {
    $('window-status').textContent = `Characters ${fmt(from + 1)}–${fmt(to)} of ${fmt(current.length)}; `
      + `marks ${fmt(marks.length ? index + 1 : index)}–${fmt(index + marks.length)} of ${fmt(total)}.`;
    $('window-prev').disabled = from === 0;
    $('window-next').disabled = to >= current.length;
  }
}

function moveWindow(forward) {
  if (!shown || !view) return;
  let from;
  if (forward) {
    history.push(view.from);
    from = view.to;
  } else {
    from = history.pop() ?? Math.max(0, view.from - WINDOW);
  }
  textWorker.postMessage({ type: 'marks', id: shown.id, from, to: from + WINDOW, max: MAX_MARKS });
}

function render(source, summary, items, marks) {
  current = source;
  totals = summary.counts;
  publication = summary.publication_date;
  const pub = $('publication-date');
  pub.textContent = summary.publication_date ?? '';
  pub.dataset.empty = String(!summary.publication_date);
  const detail = $('publication-detail');
  const s = summary.source_signal;
  if (s) {
    detail.replaceChildren(`from the ${roleName(s.role)} `, quote(s),
      summary.doubtful ? ' (doubtful: far before its reference)' : '');
  } else if (!source.trim()) {
    detail.textContent = 'Paste an article to date it.';
  } else {
    detail.textContent = summary.unresolved_dateline
      ? 'No date: the dateline has no year. Give a reference date.'
      : 'No date: the text has no stamp, dateline or heading date.';
  }
  for (const list of Object.keys(LIST_IDS)) fillList(list, items[list]);
  history = [];
  renderMarks(marks);
}

// ---- the tooltip of an invalid mark: fixed to the window, so the box's edge never cuts it ----
const tip = el('div', { id: 'tip', role: 'tooltip', hidden: true });
document.body.append(tip);
let tipMark = null;
function showTip(mark) {
  tipMark = mark;
  tip.textContent = mark.dataset.error;
  tip.hidden = false;
  placeTip();
}
/** Below the mark, or above it when the window has no room below; inside the window. */
function placeTip() {
  if (!tipMark || tip.hidden) return;
  const r = tipMark.getBoundingClientRect();
  const t = tip.getBoundingClientRect();
  let top = r.bottom + 4;
  if (top + t.height > window.innerHeight - 4) top = Math.max(4, r.top - t.height - 4);
  const left = Math.min(Math.max(4, r.left), Math.max(4, window.innerWidth - t.width - 4));
  tip.style.top = `${top}px`;
  tip.style.left = `${left}px`;
}
const hideTip = () => { tip.hidden = true; tipMark = null; };
for (const type of ['mouseover', 'focusin']) {
  $('highlighted').addEventListener(type, (event) => {
    const mark = event.target.closest?.('mark.invalid');
    if (mark) showTip(mark);
  });
}
$('highlighted').addEventListener('mouseout', (event) => { if (document.activeElement !== event.target) hideTip(); });
$('highlighted').addEventListener('focusout', hideTip);
// The mark moves when the box or the page scrolls: the tip follows it.
$('highlighted').addEventListener('scroll', placeTip, { passive: true });
window.addEventListener('scroll', placeTip, { passive: true });
window.addEventListener('resize', placeTip);

// ---- files ----
let worker = null;
let urls = [];
/** The file last chosen: choosing it again, or changing a setting, dates it again. */
let lastFile = null;
function cancelFile() {
  if (!worker) return;
  worker.terminate();
  worker = null;
  const status = $('file-status');
  status.dataset.state = 'cancelled';
  status.textContent = `${status.dataset.file}: cancelled.`;
  $('file-cancel').hidden = true;
}

function datefile(file) {
  if (!file) return;
  lastFile = file;
  if (worker) worker.terminate();
  urls.forEach((url) => URL.revokeObjectURL(url));
  urls = [];
  $('downloads').hidden = true;
  $('file-progress').hidden = false;
  $('file-cancel').hidden = false;
  const progress = $('progress');
  progress.value = 0;
  const status = $('file-status');
  status.dataset.state = 'running';
  status.dataset.file = file.name;
  status.dataset.runs = String(Number(status.dataset.runs ?? 0) + 1);
  delete status.dataset.wasmBytes;
  status.textContent = `Reading ${file.name}…`;
  const job = spawn('./worker.js', ({ data }) => {
    if (worker !== job) return;
    if (data.wasmBytes) status.dataset.wasmBytes = String(Math.max(data.wasmBytes, Number(status.dataset.wasmBytes ?? 0)));
    if (data.type === 'progress') {
      progress.value = data.total ? data.bytes / data.total : 0;
      status.textContent = `${file.name}: ${fmt(data.records)} records, `
        + `${Math.round(100 * progress.value)}%`;
    } else if (data.type === 'text') {
      setArticle(data.text);
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
      $('file-cancel').hidden = true;
      status.dataset.state = 'done';
      status.dataset.records = String(data.records);
      status.dataset.errors = String(data.errors);
      status.dataset.ms = String(Math.round(data.ms));
      status.textContent = `${file.name}: ${plural(data.records, 'record')}, ${fmt(data.dated)} dated, `
        + `${plural(data.errors, 'error row')} (${(data.ms / 1000).toFixed(1)} s).`;
      job.terminate();
      worker = null;
    } else if (data.type === 'error') {
      status.dataset.state = 'error';
      status.textContent = `${file.name}: ${data.message}`;
      $('file-cancel').hidden = true;
    }
  });
  worker = job;
  job.onerror = (event) => {
    status.dataset.state = 'error';
    status.textContent = `${file.name}: ${event.message || 'the worker failed'}`;
  };
  job.postMessage({
    type: 'file',
    file,
    reference: reference.value.trim(),
    referenceField: $('reference-field').value,
  });
}

startTextWorker();
text.addEventListener('input', update);
reference.addEventListener('input', update);
// A setting changed: the text and the last file are dated again.
const settingChanged = () => {
  update();
  if (lastFile && !JSON.parse(check_reference(reference.value.trim())).error) datefile(lastFile);
};
reference.addEventListener('change', settingChanged);
$('reference-field').addEventListener('change', settingChanged);
$('example').addEventListener('click', () => { setArticle(EXAMPLE); update(); text.focus(); });
$('clear').addEventListener('click', () => { setArticle(''); update(); text.focus(); });
// A long paste never reaches the text box whole: the page keeps the article and shows its start.
text.addEventListener('paste', (event) => {
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  if (text.value.length + pasted.length <= SHOWN_MAX) return;
  event.preventDefault();
  const { selectionStart: from, selectionEnd: to, value } = text;
  setArticle(value.slice(0, from) + pasted + value.slice(to) + tail);
  update();
});
// Selecting all of the text box and typing over it replaces the whole article.
text.addEventListener('beforeinput', () => {
  if (tail && text.selectionStart === 0 && text.selectionEnd === text.value.length) setArticle('', false);
});
text.addEventListener('input', () => {
  // Text set or inserted some other way: keep the box short before it is drawn.
  if (text.value.length > SHOWN_MAX) setArticle(text.value + tail);
}, { capture: true });
$('text-cancel').addEventListener('click', () => cancelText('Cancelled: the results shown are for an earlier text.'));
$('file-cancel').addEventListener('click', cancelFile);
$('window-prev').addEventListener('click', () => moveWindow(false));
$('window-next').addEventListener('click', () => moveWindow(true));
$('file').addEventListener('change', (event) => {
  const file = event.target.files[0];
  // Cleared, so choosing the same file again is a change and dates it again.
  event.target.value = '';
  datefile(file);
});
// Files dropped anywhere on the page are dated too.
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  $('file-panel').open = true;
  datefile(file);
});
dateText();
