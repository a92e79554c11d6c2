// The engine in a worker thread, so that a long simulation never blocks the backend (the Electron
// main process or the web host). Messages: { id, doc } in, { id, outcome } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { simulate } from '../src-engine/index.ts';

parentPort?.on('message', (msg: { id: number; doc: unknown }) => {
  try {
    parentPort?.postMessage({ id: msg.id, outcome: simulate(msg.doc) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
