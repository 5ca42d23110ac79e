// Dates the text box's article off the main thread. The page sends the compiled wasm module once
// ({type: 'init', module}), then one job at a time ({type: 'date', id, text, reference, window,
// listCount}); the result stays here (a DatedText in wasm memory) and the page asks for pieces of
// it: a page of a list ({type: 'items'}) or the marks of a window of the text ({type: 'marks'}).
// A job cannot be interrupted from inside (dating is one wasm call): the page cancels it by
// terminating this worker and starting another, which gets the compiled module again.
import init, { DatedText } from './pkg/kcna_dates_web.js';

let ready = null;
/** The wasm module's exports (its linear memory is measured in the page's tests). */
let wasm = null;
let dated = null;
let datedId = 0;

const post = (message) => self.postMessage(message);

function marks(id, { from, to, max }) {
  return { ...JSON.parse(dated.marks(from, to, max)), id };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'init') {
      ready = init({ module_or_path: data.module });
      await ready;
      post({ type: 'ready' });
      return;
    }
    wasm = await ready;
    if (data.type === 'date') {
      if (dated) dated.free();
      dated = null;
      const started = performance.now();
      post({ type: 'phase', id: data.id, phase: 'dating' });
      let result;
      try {
        result = DatedText.date(data.text, data.reference);
      } catch (err) {
        post({ type: 'dated', id: data.id, error: String(err), ms: performance.now() - started });
        return;
      }
      dated = result;
      datedId = data.id;
      post({
        type: 'dated',
        id: data.id,
        summary: JSON.parse(dated.summary()),
        items: JSON.parse(dated.first_items(data.listCount)),
        marks: marks(data.id, data.window),
        ms: performance.now() - started,
        wasmBytes: wasm?.memory?.buffer?.byteLength ?? null,
      });
    } else if (data.type === 'items' && dated && data.id === datedId) {
      post({
        type: 'items', id: data.id, list: data.list, from: data.from,
        items: JSON.parse(dated.items(data.list, data.from, data.count)),
      });
    } else if (data.type === 'marks' && dated && data.id === datedId) {
      post({ type: 'marks', ...marks(data.id, data), reveal: data.reveal ?? null });
    }
  } catch (err) {
    post({ type: 'error', id: data.id, message: String(err && err.message ? err.message : err) });
  }
};
