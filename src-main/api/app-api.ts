// The one implementation of the AppApi contract: input validation, the store, the engine, and
// Result envelopes. Both transports (Electron IPC and the web host) call `dispatch`.
import {
  customDrugFile,
  drugSummary,
  inputs,
  isMethod,
  METHODS,
  type AppApi,
  type AppInfo,
  type Input,
  type Method,
  type Outputs,
  type Result,
} from '../../src-engine/contract/app-api.ts';
import {
  customDrugSchema,
  ENGINE_VERSION,
  formatPath,
  getDrug,
  listDrugs,
  parseScenario,
  type CustomDrugInput,
  type FieldError,
  type ScenarioInput,
} from '../../src-engine/index.ts';
import { csvFilename, resultsCsvChunks } from '../csv.ts';
import { resampleResults } from '../../src-engine/results.ts';
import { hoursOf } from '../../src-engine/scenario.ts';
import { inProcessRunner, RunStopped, type EngineRunner } from '../engine-runner.ts';
import { reportsHandlers } from './reports.ts';
import type { PdfPrinter } from '../reports/pdf.ts';
import { longCsvChunks } from '../reports/csv.ts';
import { ChunkedText, joinChunked, type Chunkable } from './chunked.ts';
import { scenarioRun } from '../reports/compare.ts';
import { effectsReport, summarize, summarizeLayers } from '../validation-table.ts';
import type { Store } from '../store/store.ts';
import { BackupError, createBackup, listBackups, pruneBackups, restoreBackup } from '../store/backup.ts';
import { readSettings, readWorkingCopy, writeSettings, writeWorkingCopy } from '../store/app-state.ts';

export interface BackendOptions {
  store: Store;
  dataDir: string;
  transport: AppInfo['transport'];
  /** Where internal errors are logged with their stack (default: console.error). */
  log?: (message: string, error: unknown) => void;
  /** Runs simulations (default: in-process; the app passes a worker thread). */
  engine?: EngineRunner;
  /** Prints report PDFs: headless Chromium in web mode, `printToPDF` in Electron; none: PDF export is unavailable. */
  pdf?: PdfPrinter;
  /** The time reports are stamped with (tests fix it). */
  now?: () => Date;
}

/** What a call carries besides its input: `signal` aborts when the caller goes away (its runs stop). */
export interface CallContext {
  signal?: AbortSignal;
  /** The caller streams: large text members of the answer may stay ChunkedText (the web host). */
  stream?: boolean;
}

type Handlers = { [M in Method]: (input: Input<M>, context: CallContext) => Result<Chunkable<Outputs[M]>> | Promise<Result<Chunkable<Outputs[M]>>> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const notFound = (what: string, id: string): Result<never> => ({ ok: false, error: { code: 'not_found', message: `${what} ${id} does not exist` } });
const invalidScenario = (errors: FieldError[]): Result<never> => ({
  ok: false,
  error: { code: 'invalid', message: `scenario ${errors[0]?.path}: ${errors[0]?.message}`, fields: errors },
});
const found = <T>(value: T | undefined, what: string, id: string): Result<T> => (value === undefined ? notFound(what, id) : ok(value));

/**
 * Calls that write the database (or delete backups). While a restore copies a backup in, they are
 * refused at once as `busy`, nothing changed: one accepted then would be overwritten by the restore
 * (or, in SQLite's busy handler, stall the backend). The working copy and the settings are files
 * beside the database and go on.
 */
const WRITES: ReadonlySet<Method> = new Set<Method>([
  'drugs:saveCustom',
  'drugs:deleteCustom',
  'scenarios:save',
  'scenarios:delete',
  'scenarios:restore',
  'runs:create',
  'comparisons:save',
  'comparisons:delete',
  'backup:create',
  'backup:restore',
]);

const RESTORING = 'a restore of a backup is in progress; nothing was changed: try again when it has finished';

/** SQLite's "database is locked": another connection (a restore, another program) holds the write lock. */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export interface Backend {
  api: AppApi;
  /** Calls a method by name with untrusted input, as the transports receive it. */
  dispatch(method: string, input: unknown, context?: CallContext): Promise<Result<unknown>>;
}

export function createBackend(options: BackendOptions): Backend {
  const { store } = options;
  const engine = options.engine ?? inProcessRunner();
  const log = options.log ?? ((message, error) => console.error(message, error));
  /** A restore is copying a backup in: writes are refused as busy until it ends. */
  let restoring = false;

  /** A file beside the database that cannot be written (read-only folder, full disk): one line, no stack. */
  const inDataFolder = <T>(what: string, write: () => T): Result<T> => {
    try {
      return ok(write());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      return { ok: false, error: { code: 'unavailable', message: `cannot keep ${what} in the data folder ${options.dataDir} (${code}: ${(e as Error).message})` } };
    }
  };

  const handlers: Handlers = {
    'app:info': () => ok({ engine: ENGINE_VERSION, dataDir: options.dataDir, transport: options.transport }),
    'drugs:list': () => ok([...listDrugs(), ...store.listCustomDrugs().flatMap(customDrugFile)].map(drugSummary)),
    'drugs:listCustom': () => ok(store.listCustomDrugs()),
    'drugs:saveCustom': ({ drug }) => {
      const parsed = customDrugSchema.safeParse(drug, { reportInput: true });
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
        return { ok: false, error: { code: 'invalid', message: `drug ${fields[0]!.path}: ${fields[0]!.message}`, fields } };
      }
      if (getDrug(parsed.data.id)) {
        return { ok: false, error: { code: 'invalid', message: `drug id: ${JSON.stringify(parsed.data.id)} is a built-in drug; choose another id`, fields: [{ path: 'id', message: 'is a built-in drug' }] } };
      }
      store.saveCustomDrug(drug as CustomDrugInput);
      return ok(drug as CustomDrugInput);
    },
    'drugs:deleteCustom': ({ id }) => (store.deleteCustomDrug(id) ? ok({ deleted: true as const }) : notFound('drug', id)),
    'scenarios:list': () => ok(store.listScenarios()),
    'scenarios:get': ({ id }) => found(store.getScenario(id), 'scenario', id),
    'scenarios:save': ({ id, doc }) => {
      // Validation first: a refused save leaves what is stored untouched. The document is stored
      // as written (defaults not filled in), so it reads back exactly as the user left it.
      const parsed = parseScenario(doc);
      return parsed.ok ? ok(store.saveScenario(id, doc as ScenarioInput)) : invalidScenario(parsed.errors);
    },
    'scenarios:delete': ({ id }) => (store.deleteScenario(id) ? ok({ deleted: true as const }) : notFound('scenario', id)),
    'scenarios:restore': ({ id }) => found(store.restoreScenario(id), 'deleted scenario', id),
    'engine:simulate': async ({ doc }, { signal }) => {
      const out = await engine.simulate(doc, { signal });
      return out.ok ? ok(out.results) : invalidScenario(out.errors);
    },
    'runs:create': async ({ scenarioId }, { signal }) => {
      const record = store.getScenario(scenarioId);
      if (!record) return notFound('scenario', scenarioId);
      const out = await engine.simulate(record.doc, { signal });
      return out.ok ? ok(await store.createRun(scenarioId, out.results)) : invalidScenario(out.errors);
    },
    'runs:list': ({ scenarioId }) => ok(store.listRuns(scenarioId)),
    'runs:get': async ({ id }) => found(await store.getRun(id), 'run', id),
    'runs:exportCsv': async ({ id, format, lang, grid }) => {
      // Made in chunks as it is sent (or joined with turns of the event loop between chunks): a
      // maximum-size run's CSV takes about a second of work and must not stop the backend meanwhile.
      const record = await store.getRun(id);
      if (!record) return notFound('run', id);
      const filename = csvFilename(record.results.scenario.name, record.createdAt);
      if (format !== 'long') return ok({ filename, csv: new ChunkedText(resultsCsvChunks(grid === undefined ? record.results : resampleResults(record.results, hoursOf(grid)))) });
      const run = scenarioRun(record.results, record.results.scenario, {});
      if (!run.ok) throw new Error(`BUG: a stored run has no report: ${run.errors[0]?.message}`);
      return ok({ filename, csv: new ChunkedText(longCsvChunks(run.value, { lang: lang ?? 'en', generatedAt: (options.now?.() ?? new Date()).toISOString() })) });
    },
    'validation:run': async (_, { signal }) => {
      const cases = await engine.validate({ signal });
      return ok({ engine: ENGINE_VERSION, summary: summarize(cases), layers: summarizeLayers(cases), cases, effects: effectsReport() });
    },
    'backup:create': async () => {
      const made = await createBackup(store, options.dataDir);
      pruneBackups(options.dataDir, readSettings(options.dataDir).backupKeep);
      return ok(made);
    },
    'backup:list': () => ok(listBackups(options.dataDir)),
    'backup:restore': async ({ name }) => {
      restoring = true;
      try {
        return ok(await restoreBackup(store, options.dataDir, name, { keep: readSettings(options.dataDir).backupKeep }));
      } catch (e) {
        if (e instanceof BackupError) return { ok: false, error: { code: 'invalid', message: e.message } };
        throw e;
      } finally {
        restoring = false;
      }
    },
    'settings:get': () => ok(readSettings(options.dataDir)),
    'settings:set': (change) => inDataFolder('settings', () => writeSettings(options.dataDir, change)),
    'workingCopy:get': () => ok(readWorkingCopy(options.dataDir)),
    'workingCopy:set': ({ copy }) =>
      inDataFolder('the working copy', () => {
        writeWorkingCopy(options.dataDir, copy as Parameters<typeof writeWorkingCopy>[1]);
        return { kept: copy !== null };
      }),
    ...reportsHandlers({ store, engine, ...(options.pdf ? { pdf: options.pdf } : {}), now: options.now ?? (() => new Date()) }),
  };

  async function dispatch(method: string, input: unknown, context: CallContext = {}): Promise<Result<unknown>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'not_found', message: `unknown method ${JSON.stringify(method)}` } };
    const parsed = inputs[method].safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
      return { ok: false, error: { code: 'invalid', message: `${method}: ${fields[0]!.path}: ${fields[0]!.message}`, fields } };
    }
    if (restoring && WRITES.has(method)) return { ok: false, error: { code: 'busy', message: `${method}: ${RESTORING}` } };
    try {
      const out = await (handlers[method] as (input: unknown, context: CallContext) => Result<unknown> | Promise<Result<unknown>>)(parsed.data, context);
      return out.ok && !context.stream ? ok(await joinChunked(out.value)) : out;
    } catch (e) {
      if (e instanceof RunStopped) return { ok: false, error: { code: e.code, message: `${method}: ${e.message}` } };
      if (isBusy(e)) return { ok: false, error: { code: 'busy', message: `${method}: the database is locked by another program or a restore in progress; nothing was changed: try again in a moment` } };
      log(`internal error in ${method}`, e);
      return { ok: false, error: { code: 'internal', message: `internal error in ${method}: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }

  const api = Object.fromEntries(
    METHODS.map((m) => [m, (input: unknown) => dispatch(m, input)]),
  ) as unknown as AppApi;
  return { api, dispatch };
}
