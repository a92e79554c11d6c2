// The engine in a worker thread, so that a long simulation never blocks the backend (the Electron
// main process or the web host). Messages: { id, doc } or { id, task: 'validate' } in,
// { id, outcome } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { simulate } from '../src-engine/index.ts';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase } from '../src-engine/validation/run.ts';

parentPort?.on('message', (msg: { id: number; doc?: unknown; task?: 'validate' }) => {
  try {
    const outcome = msg.task === 'validate' ? VALIDATION_CASES.map(runCase) : simulate(msg.doc);
    parentPort?.postMessage({ id: msg.id, outcome });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
