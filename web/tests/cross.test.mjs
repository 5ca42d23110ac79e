// The web half of the cross-test (tests/cross/run.sh): the page's file job dates each of the
// cross-test's inputs (CROSS_FILES, comma-separated names in the folder CROSS_DIR) with the
// reference field `ref`, and its JSON Lines and CSV downloads are saved byte for byte to
// CROSS_DIR/web-NAME.jsonl and CROSS_DIR/web-NAME.csv, for tests/cross/compare.py to compare with
// the CLI's output. Skipped (one line, not a failure) when CROSS_DIR is not set: web/ci.sh runs
// the page's own tests, tests/cross/run.sh this one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', 'dist');
const dir = process.env.CROSS_DIR;
const files = dir ? (process.env.CROSS_FILES || '').split(',').filter(Boolean) : [];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

let server;
let browser;
let profile;

function serve() {
  return new Promise((done) => {
    const s = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
      try {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    s.listen(0, '127.0.0.1', () => done(s));
  });
}

before(async () => {
  if (!dir) return;
  statSync(join(dist, 'index.html'));
  server = await serve();
  profile = mkdtempSync(join(tmpdir(), 'kcna-cross-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

for (const name of files) {
  test(`cross-test: the file job writes ${name} as JSON Lines and CSV`, { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready=true]');
    await page.click('#file-panel summary');
    await page.fill('#reference-field', 'ref');
    // The page's own reference date stays empty: every reference comes from the records.
    await page.fill('#reference', '');
    await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(dir, name)) });
    await page.waitForSelector('#file-status[data-state=done]', { timeout: 240_000 });
    // The downloads as bytes (base64 across the page boundary), so nothing is re-encoded.
    const [jsonl, csv] = await page.evaluate(async () => Promise.all(['download-jsonl', 'download-csv'].map(async (id) => {
      const bytes = new Uint8Array(await (await fetch(document.getElementById(id).href)).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    })));
    writeFileSync(join(dir, `web-${name}.jsonl`), Buffer.from(jsonl, 'base64'));
    writeFileSync(join(dir, `web-${name}.csv`), Buffer.from(csv, 'base64'));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

if (!dir) test('cross-test (CROSS_DIR not set: run by tests/cross/run.sh)', { skip: true }, () => {});
