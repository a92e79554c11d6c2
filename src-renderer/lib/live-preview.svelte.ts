// Live preview: every valid edit re-runs the engine in a Web Worker and the charts follow, without
// pressing Run. One run at a time, the newest edit wins: an edit while a run is under way waits for
// it (the older answer is dropped) unless it has run longer than CANCEL_FOR_NEWER_MS, then it is
// cancelled (the worker is terminated and a fresh one started); Cancel does the same at any time.
import { tick } from 'svelte';
import { simulate, type FieldError, type Results } from '../../src-engine/index.ts';
import { unpackResults, type PackedResults } from './results-transfer.ts';

export interface PreviewRequest {
  id: number;
  doc: unknown;
}
/** When the worker received a request and finished its run (ms on the shared clock: timeOrigin + now), for the bench's split. */
export interface WorkerTiming {
  received: number;
  ran: number;
}
/** A run's answer: from the worker its results packed for transfer (results-transfer.ts), from the page itself as they are. */
export type PreviewReply =
  | { id: number; ok: true; results?: Results; packed?: PackedResults; timing?: WorkerTiming }
  | { id: number; ok: false; errors: FieldError[] }
  /** A run under way: the fraction of it done (simulated time, the pk layer then the slow layer). */
  | { id: number; progress: number; ok?: undefined };

/** Time between two progress messages of a run, ms (the first comes after that long). */
export const PROGRESS_MS = 150;

/** Quiet time after an edit before it runs, ms (a burst of keystrokes runs once). */
export const DEBOUNCE_MS = 150;
/** A run longer than this is shown as running (spinner and Cancel), ms. */
export const LONG_RUN_MS = 400;
/**
 * A newer edit cancels a run that has been under way this long, ms; a younger run finishes and its
 * answer is dropped, because starting a fresh worker (loading the engine again) costs more.
 */
export const CANCEL_FOR_NEWER_MS = 2000;

/** What the page measures for the bench: the mark after the charts of a preview in view have been drawn (those out of view follow after the paint: charts.svelte.ts `follower`). */
export const SHOWN_MARK = 'modulon:preview-shown';
/** Marks of a run's answer arriving from the engine, before the charts are drawn (the bench splits the time). */
export const RECEIVED_MARK = 'modulon:preview-received';
/**
 * The other marks of an edit's way to the screen, in order (the bench splits the time with them):
 * the edit reached the preview (after validation), the request was posted to the worker (after the
 * debounce, if any), the worker received it and finished the run (its clock moved onto the
 * page's), and the frame after the charts were drawn was painted.
 */
export const REQUEST_MARK = 'modulon:preview-request';
export const POSTED_MARK = 'modulon:preview-posted';
export const WORKER_RECEIVED_MARK = 'modulon:worker-received';
export const WORKER_RAN_MARK = 'modulon:worker-ran';
export const PAINTED_MARK = 'modulon:preview-painted';

/** Something that runs scenario documents: the Web Worker, or (where workers are unavailable) the page itself. */
interface Runner {
  post(req: PreviewRequest): void;
  terminate(): void;
}

function workerRunner(onreply: (r: PreviewReply) => void, onfail: () => void): Runner | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'modulon-engine' });
    w.onmessage = (e: MessageEvent<PreviewReply>) => onreply(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      onfail();
    };
    return { post: (req) => w.postMessage(req), terminate: () => w.terminate() };
  } catch {
    return undefined;
  }
}

/** Runs in the page, a turn of the event loop later (no cancel of a run under way). */
function inlineRunner(onreply: (r: PreviewReply) => void): Runner {
  let live = true;
  return {
    post(req) {
      setTimeout(() => {
        if (!live) return;
        const out = simulate(req.doc);
        onreply(out.ok ? { id: req.id, ok: true, results: out.results } : { id: req.id, ok: false, errors: out.errors });
      }, 0);
    },
    terminate: () => (live = false),
  };
}

export class LivePreview {
  /** The newest results that ran, and the document JSON they belong to. */
  results = $state.raw<Results | undefined>();
  json = $state<string | undefined>();
  /** A run has been under way for longer than LONG_RUN_MS. */
  long = $state(false);
  running = $state(false);
  /** Field errors from the engine for the newest edit (validation normally catches them first). */
  errors = $state.raw<FieldError[]>([]);
  /** The page ran the engine itself (no Web Worker); said in the status line. */
  inline = $state(false);
  /** Fraction (0–1) of the run under way that is done, once the worker has said; undefined before. */
  progress = $state<number | undefined>();
  /** The last run was cancelled (by Cancel); the chart shows the last finished one. Cleared by the next run. */
  cancelled = $state(false);

  private readonly onresult: (results: Results, json: string) => void;
  private runner: Runner | undefined;
  private seq = 0;
  private inFlight: { id: number; json: string; doc: unknown; started: number } | undefined;
  private queued: { doc: unknown; json: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private longTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEdit = 0;

  /** `onresult` receives each run's results with the JSON of the document they belong to. */
  constructor(onresult: (results: Results, json: string) => void = () => {}) {
    this.onresult = onresult;
    // The worker loads the engine on its own thread while the page mounts: the first edit (or the
    // first scenario) does not wait for it.
    this.ensureRunner();
  }

  /** An edit: runs after DEBOUNCE_MS of quiet, or at once when nothing ran or was edited lately. */
  request(doc: unknown, json: string): void {
    if (json === this.json && !this.inFlight && !this.queued) return;
    performance.mark(REQUEST_MARK);
    const now = performance.now();
    const quiet = now - this.lastEdit > DEBOUNCE_MS;
    this.lastEdit = now;
    this.queued = { doc, json };
    clearTimeout(this.timer);
    if (quiet && !this.inFlight) this.flush();
    else this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  /** Stops the run under way and forgets queued edits; the chart keeps what it showed. */
  cancel(): void {
    clearTimeout(this.timer);
    this.queued = undefined;
    if (this.inFlight) this.restart();
    this.settle();
  }

  /** Cancel pressed: as `cancel`, and the status line says the run was cancelled. */
  userCancel(): void {
    const running = this.inFlight !== undefined;
    this.cancel();
    this.cancelled = running;
  }

  /** Forgets the preview (another scenario was opened). */
  reset(): void {
    this.cancel();
    this.cancelled = false;
    this.results = undefined;
    this.json = undefined;
    this.errors = [];
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.longTimer);
    this.runner?.terminate();
    this.runner = undefined;
  }

  private flush(): void {
    const next = this.queued;
    if (!next) return;
    if (this.inFlight) {
      // A long run is cancelled for the newer edit; a short one finishes (its answer is dropped).
      if (performance.now() - this.inFlight.started < CANCEL_FOR_NEWER_MS) return;
      this.restart();
    }
    this.queued = undefined;
    const id = ++this.seq;
    const doc = $state.snapshot(next.doc);
    this.inFlight = { id, json: next.json, doc, started: performance.now() };
    this.running = true;
    this.progress = undefined;
    this.cancelled = false;
    clearTimeout(this.longTimer);
    this.longTimer = setTimeout(() => {
      if (this.inFlight?.id === id) this.long = true;
    }, LONG_RUN_MS);
    performance.mark(POSTED_MARK);
    this.ensureRunner().post({ id, doc });
  }

  private ensureRunner(): Runner {
    if (this.runner) return this.runner;
    const onreply = (r: PreviewReply) => void this.receive(r);
    this.runner = workerRunner(onreply, () => {
      // The worker could not start (a policy or a packaging problem): run in the page instead.
      this.runner?.terminate();
      this.inline = true;
      this.runner = inlineRunner(onreply);
      if (this.inFlight) this.runner.post({ id: this.inFlight.id, doc: this.inFlight.doc });
    });
    if (!this.runner) {
      this.inline = true;
      this.runner = inlineRunner(onreply);
    }
    return this.runner;
  }

  private restart(): void {
    this.runner?.terminate();
    this.runner = undefined;
    this.inFlight = undefined;
  }

  private async receive(r: PreviewReply): Promise<void> {
    const current = this.inFlight;
    if (!current || current.id !== r.id) return;
    if (r.ok === undefined) {
      this.progress = r.progress;
      return;
    }
    const results = r.ok ? (r.results ?? unpackResults(r.packed as PackedResults)) : undefined;
    performance.mark(RECEIVED_MARK);
    if (r.ok && r.timing) {
      performance.mark(WORKER_RECEIVED_MARK, { startTime: r.timing.received - performance.timeOrigin });
      performance.mark(WORKER_RAN_MARK, { startTime: r.timing.ran - performance.timeOrigin });
    }
    this.inFlight = undefined;
    if (this.queued) {
      // A newer edit came in meanwhile: run it, and drop this answer.
      this.flush();
      return;
    }
    this.settle();
    if (results) {
      this.results = results;
      this.json = current.json;
      this.errors = [];
      this.onresult(results, current.json);
      await tick();
      performance.mark(SHOWN_MARK);
      // The frame with the new charts: painted after the animation-frame callbacks; a message
      // posted from one runs after that paint.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => performance.mark(PAINTED_MARK);
        ch.port2.postMessage(0);
      });
    } else if (!r.ok) this.errors = r.errors;
  }

  private settle(): void {
    this.running = this.inFlight !== undefined;
    if (!this.running) {
      this.long = false;
      this.progress = undefined;
      clearTimeout(this.longTimer);
    }
  }
}
