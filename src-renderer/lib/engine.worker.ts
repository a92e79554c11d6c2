// The live preview's engine: a Web Worker that runs one scenario document per message and answers
// with the results or the field errors (the engine is pure TypeScript; DESIGN.md §1).
import { simulate } from '../../src-engine/index.ts';
import type { PreviewReply, PreviewRequest } from './live-preview.svelte.ts';

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const { id, doc } = event.data;
  let reply: PreviewReply;
  try {
    const out = simulate(doc);
    reply = out.ok ? { id, ok: true, results: out.results } : { id, ok: false, errors: out.errors };
  } catch (e) {
    // An engine bug: reported as such, with its message (the stack stays in the worker's console).
    console.error(e);
    reply = { id, ok: false, errors: [{ path: '$', message: `internal error in the engine: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  self.postMessage(reply);
};
