// Runs simulations off the backend's thread in a small pool of worker threads: each run has a
// timeout and can be cancelled (its worker is terminated and replaced), and one worker is always
// kept for small runs, so a small run never waits behind a large one. Where no worker script is
// given, it runs in-process (the CLI, tests).
import { Worker } from 'node:worker_threads';
import { parseDuration, simulate, type SimulateOutcome } from '../src-engine/index.ts';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase, type CaseResult } from '../src-engine/validation/run.ts';
import { unpackResults, type Packed } from './results-codec.ts';

export interface RunOptions {
  /** Aborting it stops the run: a queued run is dropped, a running one's worker terminated. */
  signal?: AbortSignal;
}

export interface EngineRunner {
  simulate(doc: unknown, options?: RunOptions): Promise<SimulateOutcome>;
  /** Runs the whole validation suite. */
  validate(options?: RunOptions): Promise<CaseResult[]>;
  close(): Promise<void>;
}

/** A run that did not finish: over its time limit, or cancelled. Expected, shown to the user as is. */
export class RunStopped extends Error {
  readonly code: 'timeout' | 'cancelled';
  constructor(code: 'timeout' | 'cancelled', message: string) {
    super(message);
    this.name = 'RunStopped';
    this.code = code;
  }
}

const cancelled = () => new RunStopped('cancelled', 'the run was cancelled');

export function inProcessRunner(): EngineRunner {
  const guard = (options?: RunOptions) => {
    if (options?.signal?.aborted) throw cancelled();
  };
  return {
    simulate: async (doc, options) => (guard(options), simulate(doc)),
    validate: async (options) => (guard(options), VALIDATION_CASES.map(runCase)),
    close: async () => {},
  };
}

export interface PoolOptions {
  /** Worker threads, at least 2 (default 2: the machines this runs on have two cores or more). */
  size?: number;
  /** A simulation still running after this long is stopped (default 120 s). */
  timeoutMs?: number;
  /** The validation suite's limit (default 10 min). */
  validateTimeoutMs?: number;
  /** A run is large from this many output values (series × samples, estimated; default 500 000)... */
  largeValues?: number;
  /** ...or from this duration × (1 + drugs), in hours (default 8760: a year alone, half a year with one drug). */
  largeDrugHours?: number;
}

/** Series a run publishes, estimated as the scenario validation does (src-engine/scenario.ts). */
const SERIES_PER_RUN = 90;
const SERIES_PER_DRUG = 8;

/**
 * Whether a scenario document asks for a large run: many output values (series × samples), or a
 * long simulation (the engine's time grows with duration × drugs: ~0.3 s per drug-year here).
 * Read from duration, sampling and drugs only; a document where they do not parse is small (the
 * worker refuses it quickly).
 */
export function isLargeRun(doc: unknown, limits: { values: number; drugHours: number }): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as { duration?: unknown; sampling?: unknown; interventions?: unknown };
  const duration = parseDuration(typeof d.duration === 'string' ? d.duration : '');
  const sampling = parseDuration(typeof d.sampling === 'string' ? d.sampling : '1h');
  if (!duration.ok || !sampling.ok || sampling.value <= 0) return false;
  const drugs = Array.isArray(d.interventions) ? new Set(d.interventions.map((iv: { drug?: unknown } | null) => iv?.drug).filter((x) => typeof x === 'string')).size : 0;
  const values = (Math.floor(duration.value / sampling.value) + 1) * (SERIES_PER_RUN + SERIES_PER_DRUG * drugs);
  return values >= limits.values || duration.value * (1 + drugs) >= limits.drugHours;
}

interface Job {
  message: { doc?: unknown; task?: 'validate' };
  large: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  onAbort?: () => void;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker?: Worker;
  /** The worker has loaded the engine: time limits count from here, not from its start-up. */
  ready?: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/** `script`: the worker entry (src-main/engine-worker.ts natively, out/main/engine-worker.js in Electron). */
export function workerRunner(script: string | URL, options: PoolOptions = {}): EngineRunner {
  const size = Math.max(2, options.size ?? 2);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const validateTimeoutMs = options.validateTimeoutMs ?? 600_000;
  const limits = { values: options.largeValues ?? 500_000, drugHours: options.largeDrugHours ?? 8760 };
  const slots: Slot[] = Array.from({ length: size }, () => ({}));
  // Small runs first; within a size, in order of arrival.
  const small: Job[] = [];
  const large: Job[] = [];
  let closed = false;

  const settle = (slot: Slot, job: Job): void => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
  };

  /** Ends the slot's job with an error and its worker with it (the only way to stop a synchronous run). */
  const stop = (slot: Slot, error: Error): void => {
    const job = slot.job;
    const w = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    if (job) {
      settle(slot, job);
      job.reject(error);
    }
    void w?.terminate();
    pump();
  };

  const startWorker = (slot: Slot): Worker => {
    const w = new Worker(script);
    w.unref();
    w.on('message', (msg: { ready?: true; outcome?: unknown; packed?: Packed; error?: string }) => {
      if (slot.worker !== w) return;
      if (msg.ready) {
        slot.ready = true;
        if (slot.job) startClock(slot, slot.job);
        return;
      }
      const job = slot.job;
      if (!job) return;
      settle(slot, job);
      if (msg.packed) unpackResults(msg.packed).then((results) => job.resolve({ ok: true, results }), job.reject);
      else if (msg.error === undefined) job.resolve(msg.outcome);
      else job.reject(new Error(`engine worker: ${msg.error}`));
      pump();
    });
    const fail = (e: Error) => {
      if (slot.worker === w) stop(slot, e);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`engine worker exited with code ${code}`)));
    return w;
  };

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job) continue;
      const busyLarge = slots.filter((s) => s.job?.large).length;
      // One worker stays free of large runs, so a small one always has somewhere to go.
      const job = small.shift() ?? (busyLarge < size - 1 ? large.shift() : undefined);
      if (!job) return;
      slot.job = job;
      slot.worker ??= startWorker(slot);
      if (slot.ready) startClock(slot, job);
      slot.worker.postMessage(job.message);
    }
  }

  function startClock(slot: Slot, job: Job): void {
    slot.timer = setTimeout(() => {
      const seconds = job.timeoutMs < 10_000 ? (job.timeoutMs / 1000).toFixed(1) : Math.round(job.timeoutMs / 1000);
      stop(slot, new RunStopped('timeout', `the run was stopped after ${seconds} s (the time limit); shorten the duration, coarsen the sampling or use fewer drugs`));
    }, job.timeoutMs);
  }

  const request = <T>(message: Job['message'], isLarge: boolean, limit: number, runOptions: RunOptions = {}): Promise<T> => {
    if (closed) return Promise.reject(new RunStopped('cancelled', 'the engine was closed'));
    if (runOptions.signal?.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      const job: Job = { message, large: isLarge, timeoutMs: limit, resolve: resolve as (v: unknown) => void, reject };
      if (runOptions.signal) {
        job.signal = runOptions.signal;
        job.onAbort = () => {
          const slot = slots.find((s) => s.job === job);
          if (slot) return stop(slot, cancelled());
          const queue = job.large ? large : small;
          const at = queue.indexOf(job);
          if (at >= 0) queue.splice(at, 1);
          job.signal?.removeEventListener('abort', job.onAbort!);
          reject(cancelled());
        };
        runOptions.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      (isLarge ? large : small).push(job);
      pump();
    });
  };

  return {
    simulate: (doc, runOptions) => request<SimulateOutcome>({ doc }, isLargeRun(doc, limits), timeoutMs, runOptions),
    validate: (runOptions) => request<CaseResult[]>({ task: 'validate' }, true, validateTimeoutMs, runOptions),
    async close() {
      closed = true;
      const stopping = new RunStopped('cancelled', 'the engine was closed');
      for (const job of [...small.splice(0), ...large.splice(0)]) job.reject(stopping);
      await Promise.all(
        slots.map((slot) => {
          const w = slot.worker;
          slot.worker = undefined;
          if (slot.job) {
            const job = slot.job;
            settle(slot, job);
            job.reject(stopping);
          }
          return w?.terminate();
        }),
      );
    },
  };
}
