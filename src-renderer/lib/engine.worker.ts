// The live preview's engine: a Web Worker that runs one scenario document per message and answers
// with the results or the field errors (the engine is pure TypeScript; DESIGN.md §1).
import { simulate } from '../../src-engine/index.ts';
import { PROGRESS_MS, type PreviewReply, type PreviewRequest } from './live-preview.svelte.ts';
import { packResults } from './results-transfer.ts';

/** Now on the shared clock (ms since the epoch, sub-millisecond): the page subtracts its own timeOrigin. */
const now = () => performance.timeOrigin + performance.now();

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const received = now();
  const { id, doc } = event.data;
  let reply: PreviewReply;
  try {
    // Progress of a long run, at most every PROGRESS_MS (the first after that long: a short run posts none).
    let last = performance.now();
    const onProgress = (fraction: number) => {
      const t = performance.now();
      if (t - last < PROGRESS_MS) return;
      last = t;
      self.postMessage({ id, progress: fraction } satisfies PreviewReply);
    };
    const out = simulate(doc, { onProgress });
    const timing = { received, ran: now() };
    if (out.ok) {
      // The series' numbers travel in one transferred buffer (moved, not copied).
      const packed = packResults(out.results);
      self.postMessage({ id, ok: true, packed, timing } satisfies PreviewReply, { transfer: [packed.buffer] });
      return;
    }
    reply = { id, ok: false, errors: out.errors };
  } catch (e) {
    // An engine bug: reported as such, with its message (the stack stays in the worker's console).
    console.error(e);
    reply = { id, ok: false, errors: [{ path: '$', message: `internal error in the engine: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  self.postMessage(reply);
};
