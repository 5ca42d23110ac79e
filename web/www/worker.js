// Dates a dropped file off the main thread: a .txt file is one article, any other file is JSON
// Lines (one article per line in its `text` field). The file is read as a stream and split into
// lines as bytes, each handed to wasm as bytes: a line that is not UTF-8, not JSON or has no
// `text` becomes an error row with its line number, and no line is lost. Progress is posted about
// five times a second; the results come back as two Blobs (JSON Lines and CSV), built from Blobs
// of a few thousand rows each so the rows leave the JavaScript heap as the file is read. The page
// sends the compiled wasm module first ({type: 'init', module}), then the file ({type: 'file'});
// it cancels a job by terminating this worker.
import init, { csv_header, date_jsonl_line, date_text_bytes, date_text_file } from './pkg/kcna_dates_web.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    ready = init({ module_or_path: data.module });
    return;
  }
  const { file, reference, referenceField } = data;
  try {
    const wasm = await ready;
    const wasmBytes = () => wasm?.memory?.buffer?.byteLength ?? null;
    const started = performance.now();
    const name = file.name;
    // Rows as strings, moved into a Blob every ROWS rows.
    const ROWS = 4096;
    const jsonlBlobs = [];
    const csvBlobs = [];
    let jsonl = [];
    let csv = [csv_header(), '\n'];
    const flush = () => {
      jsonlBlobs.push(new Blob(jsonl));
      csvBlobs.push(new Blob(csv));
      jsonl = [];
      csv = [];
    };
    let records = 0;
    let errors = 0;
    let dated = 0;
    const add = (row) => {
      if (!row) return;
      jsonl.push(row.jsonl, '\n');
      csv.push(row.csv, '\n');
      records += 1;
      if (row.error) errors += 1;
      if (row.dated) dated += 1;
      if (typeof row.free === 'function') row.free();
      if (jsonl.length >= 2 * ROWS) flush();
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });

    if (/\.txt$/i.test(name)) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let article;
      try {
        article = decoder.decode(bytes);
      } catch {
        // Not UTF-8: the wasm side words the error row as the CLI does.
        add(date_text_bytes(name, bytes, reference));
      }
      if (article !== undefined) {
        if (article.length <= 50_000_000) self.postMessage({ type: 'text', text: article });
        add(date_text_file(name, article, reference));
      }
    } else {
      const reader = file.stream().getReader();
      let carry = new Uint8Array(0);
      let lineNo = 0;
      let bytes = 0;
      let lastPost = -Infinity;
      const line = (chunk) => {
        lineNo += 1;
        // The line's bytes: the wasm side checks UTF-8 and words the error as the CLI does.
        add(date_jsonl_line(name, lineNo, chunk, reference, referenceField));
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        let data = value;
        if (carry.length) {
          data = new Uint8Array(carry.length + value.length);
          data.set(carry);
          data.set(value, carry.length);
        }
        let from = 0;
        for (let nl = data.indexOf(10, from); nl !== -1; nl = data.indexOf(10, from)) {
          line(data.subarray(from, nl));
          from = nl + 1;
        }
        carry = data.slice(from);
        const now = performance.now();
        if (now - lastPost > 200) {
          lastPost = now;
          self.postMessage({ type: 'progress', bytes, total: file.size, records, wasmBytes: wasmBytes() });
        }
      }
      if (carry.length) line(carry);
    }
    flush();
    self.postMessage({
      type: 'done',
      records,
      errors,
      dated,
      ms: performance.now() - started,
      wasmBytes: wasmBytes(),
      jsonl: new Blob(jsonlBlobs, { type: 'application/jsonl' }),
      csv: new Blob(csvBlobs, { type: 'text/csv' }),
    });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
  }
};
