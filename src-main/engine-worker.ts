// The engine in a worker thread, so that a long simulation never blocks the backend (the Electron
// main process or the web host). One request at a time (engine-runner.ts keeps a pool):
// { ready } out once loaded, then { doc } or { task: 'validate' } in, { outcome } or { error } out.
// Results travel packed (results-codec.ts), their numbers in a transferred buffer: cloning them
// as objects would cost the receiving thread ~0.4 s for a maximum-size run.
import { parentPort } from 'node:worker_threads';
import { simulate } from '../src-engine/index.ts';
import { packResults } from './results-codec.ts';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase } from '../src-engine/validation/run.ts';

parentPort?.on('message', (msg: { doc?: unknown; task?: 'validate' }) => {
  try {
    if (msg.task === 'validate') {
      parentPort?.postMessage({ outcome: VALIDATION_CASES.map(runCase) });
      return;
    }
    const outcome = simulate(msg.doc);
    if (!outcome.ok) {
      parentPort?.postMessage({ outcome });
      return;
    }
    const packed = packResults(outcome.results);
    parentPort?.postMessage({ packed }, [packed.data.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
