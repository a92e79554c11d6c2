// The engine in a worker thread, so that a long simulation never blocks the backend (the Electron
// main process or the web host). One request at a time (engine-runner.ts keeps a pool):
// { ready } out once loaded, then { doc } or { task: 'validate' } in, { outcome } or { error } out.
import { parentPort } from 'node:worker_threads';
import { simulate } from '../src-engine/index.ts';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase } from '../src-engine/validation/run.ts';

parentPort?.on('message', (msg: { doc?: unknown; task?: 'validate' }) => {
  try {
    const outcome = msg.task === 'validate' ? VALIDATION_CASES.map(runCase) : simulate(msg.doc);
    parentPort?.postMessage({ outcome });
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
