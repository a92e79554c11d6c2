// Runs simulations off the backend's thread: one worker, requests queued in order, a crashed
// worker replaced. Where no worker script is given, it runs in-process (the CLI, tests).
import { Worker } from 'node:worker_threads';
import { simulate, type SimulateOutcome } from '../src-engine/index.ts';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase, type CaseResult } from '../src-engine/validation/run.ts';

export interface EngineRunner {
  simulate(doc: unknown): Promise<SimulateOutcome>;
  /** Runs the whole validation suite. */
  validate(): Promise<CaseResult[]>;
  close(): Promise<void>;
}

export function inProcessRunner(): EngineRunner {
  return { simulate: async (doc) => simulate(doc), validate: async () => VALIDATION_CASES.map(runCase), close: async () => {} };
}

/** `script`: the worker entry (src-main/engine-worker.ts natively, out/main/engine-worker.js in Electron). */
export function workerRunner(script: string | URL): EngineRunner {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (o: never) => void; reject: (e: Error) => void }>();

  const start = (): Worker => {
    const w = new Worker(script);
    w.unref();
    w.on('message', (msg: { id: number; outcome?: unknown; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.outcome) p.resolve(msg.outcome as never);
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

  const request = <T>(message: object): Promise<T> => {
    worker ??= start();
    const id = nextId++;
    const w = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (o: never) => void, reject });
      w.postMessage({ id, ...message });
    });
  };

  return {
    simulate: (doc) => request<SimulateOutcome>({ doc }),
    validate: () => request<CaseResult[]>({ task: 'validate' }),
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
