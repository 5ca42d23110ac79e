// Drives the built page (web/dist, from `bash web/build.sh`) in headless Chromium through
// playwright-core: paste articles, read the marks and lists, date a .jsonl file and read its
// downloads. Run from web/: `node --test tests/`. CHROMIUM (default /usr/bin/chromium) names the
// browser; screenshots go to SCREENSHOT_DIR (default the system's temporary folder), never the repo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', 'dist');
const example = readFileSync(resolve(here, '..', '..', 'examples', 'kcna_watch_page.txt'), 'utf8');
const shots = process.env.SCREENSHOT_DIR || tmpdir();
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

let server;
let browser;
let profile;
let base;
const failures = [];

/** A static server of web/dist on 127.0.0.1 (a free port). */
function serve() {
  return new Promise((done) => {
    const s = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    s.listen(0, '127.0.0.1', () => done(s));
  });
}

before(async () => {
  statSync(join(dist, 'index.html')); // built?
  server = await serve();
  base = `http://127.0.0.1:${server.address().port}/`;
  profile = mkdtempSync(join(tmpdir(), 'kcna-web-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A fresh page, loaded and dated; page errors fail the test. */
async function open(viewport) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  failures.push(errors);
  await page.goto(base);
  await page.waitForSelector('body[data-ready=true]');
  return { page, errors };
}

/** Pastes `text` (replacing the textarea's) and sets the reference, then waits for the update. */
async function paste(page, text, reference = '') {
  await page.fill('#reference', reference);
  await page.fill('#text', text);
  await page.waitForFunction((t) => document.getElementById('highlighted').textContent === t, text);
  await page.waitForTimeout(150);
}

/** Every mark of #highlighted: kind, date, valid, text, title. */
function marks(page) {
  return page.$$eval('#highlighted mark', (all) => all.map((m) => ({
    kind: m.dataset.kind, date: m.dataset.date, valid: m.dataset.valid, text: m.textContent, title: m.title,
  })));
}

describe('the page', () => {
  test('the example article is preloaded and dated; each mark is its notation', async () => {
    const { page, errors } = await open();
    assert.equal(await page.inputValue('#text'), example);
    await page.screenshot({ path: join(shots, 'kcna-web-desktop.png'), fullPage: true });
    // Paste it again (the user's way in) and read the result.
    await paste(page, '');
    assert.equal(await page.textContent('#publication-date'), '');
    await paste(page, example);
    assert.equal(await page.textContent('#publication-date'), '2022-11-08');
    const found = await marks(page);
    assert.deepEqual(found.map((m) => [m.kind, m.text, m.date]), [
      ['month_name', 'November 08, 2022', '2022-11-08'],
      ['month_name', 'November 08, 2022', '2022-11-08'],
      ['dmy', '08/11/2022', '2022-11-08'],
      ['dateline', 'Pyongyang, November 8 (KCNA) --', '2022-11-08'],
      // Days without a year are notations too, marked with the date they resolve to.
      ['weekday_ref', 'on Monday', '2022-11-07'],
      ['month_day_ref', 'on November 3', '2022-11-03'],
      ['juche_stamp', 'Juche111.11.8.', '2022-11-08'],
    ]);
    // Every mark's text is where the page says it is, and no text is lost around the marks.
    assert.equal(await page.textContent('#highlighted'), example);
    for (const m of found) assert.ok(example.includes(m.text), m.text);
    assert.equal(await page.$$eval('#conflicts li.conflict', (l) => l.length), 0);
    const signals = await page.$$eval('#signals li', (l) => l.map((li) => [li.dataset.role, li.dataset.date]));
    assert.ok(signals.some(([role, date]) => role === 'page_stamp' && date === '2022-11-08'), String(signals));
    // A signal's button selects its text in the textarea (UTF-16 offsets).
    await page.click('#signals li[data-role=page_stamp] button.quote');
    const selected = await page.$eval('#text', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, 'Juche111.11.8.');
    // The notation table of the README is one click away.
    await page.click('#notations summary');
    assert.ok(await page.isVisible('#notations table'));
    assert.ok((await page.$$eval('#notations tbody tr', (r) => r.length)) >= 10);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Korean and Japanese datelines: marks at the right UTF-16 positions', async () => {
    const { page, errors } = await open();
    const korean = '😀 조선중앙통신 （평양　８월　２１일발　조선중앙통신）　김정은동지께서 현지지도하시였다.';
    await paste(page, korean, '2026-08-22');
    assert.equal(await page.textContent('#publication-date'), '2026-08-21');
    let found = await marks(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].kind, 'dateline');
    assert.equal(found[0].date, '2026-08-21');
    assert.match(found[0].text, /^（?평양　８월　２１일발　조선중앙통신）?$/u);
    assert.equal(await page.textContent('#highlighted'), korean);

    const japanese = '朝鮮中央通信\n【平壌７月５日発朝鮮中央通信】金正恩委員長が視察した。－－－';
    await paste(page, japanese, '2017-07-05');
    assert.equal(await page.textContent('#publication-date'), '2017-07-05');
    found = await marks(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].kind, 'dateline');
    assert.match(found[0].text, /平壌７月５日発朝鮮中央通信/u);
    assert.ok(japanese.includes(found[0].text));
    // A Korean date in running text, after multi-byte text: the mark is exactly the date.
    const date = '기사 주체111(2022)년 11월 8일 발표';
    await paste(page, date);
    found = await marks(page);
    assert.deepEqual(found.map((m) => [m.kind, m.text, m.date]),
      [['korean_date', '주체111(2022)년 11월 8일', '2022-11-08']]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a disagreement names both dates and the difference in days', async () => {
    const { page, errors } = await open();
    await paste(page, '[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- A delegation left here on Friday.');
    assert.equal(await page.textContent('#publication-date'), '2024-02-12');
    const conflicts = await page.$$eval('#conflicts li.conflict', (l) => l.map((li) => ({
      date: li.dataset.date, pub: li.dataset.publicationDate, days: li.dataset.days, text: li.textContent,
    })));
    assert.equal(conflicts.length, 1);
    assert.deepEqual([conflicts[0].date, conflicts[0].pub, conflicts[0].days], ['2024-02-10', '2024-02-12', '-2']);
    assert.match(conflicts[0].text, /2024-02-10 is 2 days before the publication date 2024-02-12/);
    assert.match(conflicts[0].text, /Pyongyang, February 10 \(KCNA\)/);
    const body = await page.$$eval('#body-dates li', (l) => l.map((li) => li.dataset.date));
    assert.deepEqual(body, ['2024-02-09']);
    // The body date is underlined in the text: its mark (`on Friday`) carries the resolved date.
    const underlined = await page.$$eval('#highlighted .body-date', (l) => l.map((s) => [s.textContent, s.dataset.date, s.dataset.kind]));
    assert.deepEqual(underlined, [['on Friday', '2024-02-09', 'weekday_ref']]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an invalid candidate is marked apart with its error', async () => {
    const { page, errors } = await open();
    await paste(page, 'Date: 31/02/2022 | Juche 29 (1930) | Date: 08/11/2022');
    const found = await marks(page);
    const bad = found.filter((m) => m.valid === 'false');
    assert.deepEqual(bad.map((m) => m.text), ['31/02/2022', 'Juche 29 (1930)']);
    assert.match(bad[0].title, /February/);
    assert.equal(await page.$$eval('#highlighted mark.invalid', (m) => m.length), 2);
    assert.equal(await page.$$eval('#invalid li', (l) => l.length), 2);
    assert.equal(await page.textContent('#publication-date'), '2022-11-08');
    // Keyboard: an invalid mark takes focus and shows its error.
    await page.focus('#highlighted mark.invalid');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '31/02/2022');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a .jsonl file: every line a row, bad lines as errors, JSON Lines and CSV downloads', async () => {
    const { page, errors } = await open();
    const records = [
      { url: 'a', text: example },
      { url: 'b', text: 'Pyongyang, February 10 (KCNA) -- x', known_date: '2024-02-12' },
      { id: 7, text: '（평양　８월　２１일발　조선중앙통신）', known_date: '2026-08-22' },
      { url: 'd', text: 'no date here' },
    ];
    // Lines: 1-4 records, 5 not JSON, 6 blank (not a record), 7 no text, 8 bad known_date,
    // then many copies of record 2 so the file is read in several chunks.
    const filler = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ url: `f${i}`, text: records[1].text, known_date: '2024-02-12' }));
    const lines = [...records.map((r) => JSON.stringify(r)), '{"text": "unterminated', '',
      '{"title": "no text"}', '{"text": "x", "known_date": "2024-13-01"}', ...filler];
    const content = `${lines.join('\n')}\n`;
    await page.click('#file-panel summary');
    await page.fill('#reference-field', 'known_date');
    await page.evaluate(() => {
      const status = document.getElementById('file-status');
      window.statuses = [];
      new MutationObserver(() => window.statuses.push(status.textContent))
        .observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles('#file', { name: 'articles.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(content) });
    await page.waitForSelector('#file-status[data-state=done]', { timeout: 60_000 });
    const status = await page.$eval('#file-status', (s) => ({ ...s.dataset, text: s.textContent }));
    const expected = lines.filter((l) => l.trim()).length;
    assert.equal(Number(status.records), expected);
    assert.equal(Number(status.errors), 3);
    assert.ok(await page.evaluate(() => window.statuses.some((s) => /\d+%/.test(s))), 'a progress percentage was shown');
    assert.equal(await page.$eval('#progress', (p) => p.value), 1);
    assert.ok(await page.isVisible('#download-jsonl'));
    const [jsonl, csv] = await page.evaluate(async () => Promise.all(['download-jsonl', 'download-csv']
      .map((id) => fetch(document.getElementById(id).href).then((r) => r.text()))));
    const rows = jsonl.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, expected);
    assert.deepEqual(rows.slice(0, 8).map((r) => r.line), [1, 2, 3, 4, 5, 7, 8, 9]);
    assert.deepEqual(rows.slice(0, 4).map((r) => [r.id, r.publication_date]),
      [['a', '2022-11-08'], ['b', '2024-02-10'], [7, '2026-08-21'], ['d', null]]);
    assert.match(rows[4].error, /^bad JSON: /);
    assert.match(rows[5].error, /missing field `text`/);
    assert.match(rows[6].error, /not a valid date/);
    assert.equal(rows.at(-1).line, lines.length);
    const csvLines = csv.trim().split('\n');
    assert.equal(csvLines[0].split(',')[0], 'file');
    assert.equal(csvLines.length, expected + 1);
    await page.screenshot({ path: join(shots, 'kcna-web-file.png'), fullPage: true });
    assert.ok(csvLines[1].startsWith('articles.jsonl,1,a,,2022-11-08,'), csvLines[1]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a .txt file is one article, shown and dated', async () => {
    const { page, errors } = await open();
    await page.click('#file-panel summary');
    await page.setInputFiles('#file', { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('Date: 08/11/2022\nhello') });
    await page.waitForSelector('#file-status[data-state=done]');
    assert.equal(await page.inputValue('#text'), 'Date: 08/11/2022\nhello');
    await page.waitForFunction(() => document.getElementById('publication-date').textContent === '2022-11-08');
    const jsonl = await page.evaluate(() => fetch(document.getElementById('download-jsonl').href).then((r) => r.text()));
    const row = JSON.parse(jsonl);
    assert.deepEqual([row.file, row.line, row.publication_date], ['one.txt', 1, '2022-11-08']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a phone the page fits the screen', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    await paste(page, '[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- They met. Date: 31/02/2022');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(shots, 'kcna-web-phone.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
