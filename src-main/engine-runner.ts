// Runs simulations off the backend's thread: one worker, requests queued in order, a crashed
// worker replaced. Where no worker script is given, it runs in-process (the CLI, tests).
import { Worker } from 'node:worker_threads';
import { simulate, type SimulateOutcome } from '../src-engine/index.ts';

export interface EngineRunner {
  simulate(doc: unknown): Promise<SimulateOutcome>;
  close(): Promise<void>;
}

export function inProcessRunner(): EngineRunner {
  return { simulate: async (doc) => simulate(doc), close: async () => {} };
}

/** `script`: the worker entry (src-main/engine-worker.ts natively, out/main/engine-worker.js in Electron). */
export function workerRunner(script: string | URL): EngineRunner {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (o: SimulateOutcome) => void; reject: (e: Error) => void }>();

  const start = (): Worker => {
    const w = new Worker(script);
    w.unref();
    w.on('message', (msg: { id: number; outcome?: SimulateOutcome; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.outcome) p.resolve(msg.outcome);
      else p.reject(new Error(`engine worker: ${msg.error}`));
    });
    const fail = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      if (worker === w) worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`engine worker exited with code ${code}`)));
    return w;
  };

  return {
    simulate(doc) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise<SimulateOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, doc });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
