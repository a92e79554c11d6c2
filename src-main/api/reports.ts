// The AppApi's comparison and report methods: compare:run, comparisons:save|list|get|delete and
// reports:export. Inputs arrive already checked by the contract's zod schemas; documents are
// validated here and refused with the field at fault.
import type { ComparisonInput, ComparisonRun, Input, Outputs, Result } from '../../src-engine/contract/app-api.ts';
import type { FieldError, Results, ScenarioInput } from '../../src-engine/index.ts';
import type { EngineRunner } from '../engine-runner.ts';
import type { CallContext } from './app-api.ts';
import { runComparison, scenarioRun, slim, type Outcome } from '../reports/compare.ts';
import { parseAnalysis, parseComparison } from '../reports/comparison.ts';
import { copyStoredScenarios, renderReport } from '../reports/export.ts';
import type { PdfPrinter } from '../reports/pdf.ts';
import type { Store } from '../store/store.ts';

type Methods = 'compare:run' | 'comparisons:save' | 'comparisons:list' | 'comparisons:get' | 'comparisons:delete' | 'reports:export';
type Handlers = { [M in Methods]: (input: Input<M>, context: CallContext) => Result<Outputs[M]> | Promise<Result<Outputs[M]>> };

export interface ReportsDeps {
  store: Store;
  engine: EngineRunner;
  pdf?: PdfPrinter;
  now: () => Date;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const invalid = (what: string, errors: FieldError[]): Result<never> => ({
  ok: false,
  error: { code: 'invalid', message: `${what} ${errors[0]?.path}: ${errors[0]?.message}`, fields: errors },
});
const notFound = (what: string, id: string): Result<never> => ({ ok: false, error: { code: 'not_found', message: `${what} ${id} does not exist` } });

export function reportsHandlers(deps: ReportsDeps): Handlers {
  const { store, engine } = deps;
  const lookup = (id: string) => store.getScenario(id)?.doc;

  /** A comparison document with its stored scenarios copied in, validated and resolved. */
  const prepare = (doc: unknown) => {
    const copied = copyStoredScenarios(doc, lookup);
    if (!copied.ok) return copied;
    const parsed = parseComparison(copied.doc);
    return parsed.ok ? { ...parsed, doc: copied.doc as ComparisonInput, scenarioIds: copied.scenarioIds } : parsed;
  };

  const compare = async (doc: unknown, signal: AbortSignal | undefined, override?: unknown): Promise<Result<{ run: ComparisonRun; base: ComparisonInput['base'] }>> => {
    const prepared = prepare(doc);
    if (!prepared.ok) return invalid('comparison', prepared.errors);
    let analysis;
    if (override !== undefined) {
      const a = parseAnalysis(override);
      if (!a.ok) return invalid('reports:export', a.errors);
      analysis = a.analysis;
    }
    const run = await runComparison(prepared.comparison, prepared.arms, (d) => engine.simulate(d, { signal }), analysis);
    return run.ok ? ok({ run: run.value, base: prepared.comparison.base }) : invalid('comparison', run.errors);
  };

  const single = async (results: Results, doc: ScenarioInput, override: unknown): Promise<Result<{ run: ComparisonRun; base: undefined }>> => {
    const a = parseAnalysis(override);
    if (!a.ok) return invalid('reports:export', a.errors);
    const run: Outcome<ComparisonRun> = scenarioRun(results, doc, a.analysis);
    return run.ok ? ok({ run: run.value, base: undefined }) : invalid('reports:export', run.errors);
  };

  const simulateDoc = async (doc: unknown, signal: AbortSignal | undefined, override: unknown) => {
    const out = await engine.simulate(doc, { signal });
    return out.ok ? single(out.results, doc as ScenarioInput, override) : invalid('scenario', out.errors);
  };

  return {
    'compare:run': async ({ doc, seriesOnly }, { signal }) => {
      const out = await compare(doc, signal);
      return out.ok ? ok(seriesOnly ? slim(out.value.run) : out.value.run) : out;
    },
    'comparisons:save': ({ id, doc }) => {
      // Validation first: a refused save leaves what is stored untouched.
      const prepared = prepare(doc);
      if (!prepared.ok) return invalid('comparison', prepared.errors);
      // Stored as written, with the stored scenarios it names copied in.
      return ok(store.saveComparison(id, prepared.doc, prepared.scenarioIds));
    },
    'comparisons:list': ({ scenarioId }) => ok(store.listComparisons(scenarioId)),
    'comparisons:get': ({ id }) => {
      const record = store.getComparison(id);
      return record ? ok(record) : notFound('comparison', id);
    },
    'comparisons:delete': ({ id }) => (store.deleteComparison(id) ? ok({ deleted: true as const }) : notFound('comparison', id)),
    'reports:export': async (input, { signal }) => {
      let made: Result<{ run: ComparisonRun; base: ComparisonInput['base'] }>;
      if (input.scenarioId !== undefined) {
        const record = store.getScenario(input.scenarioId);
        if (!record) return notFound('scenario', input.scenarioId);
        made = await simulateDoc(record.doc, signal, input.analysis);
      } else if (input.runId !== undefined) {
        const record = await store.getRun(input.runId);
        if (!record) return notFound('run', input.runId);
        made = await single(record.results, record.results.scenario, input.analysis);
      } else if (input.comparisonId !== undefined) {
        const record = store.getComparison(input.comparisonId);
        if (!record) return notFound('comparison', input.comparisonId);
        made = await compare(record.doc, signal, input.analysis);
      } else if (input.comparison !== undefined) {
        made = await compare(input.comparison, signal, input.analysis);
      } else {
        made = await simulateDoc(input.scenario, signal, input.analysis);
      }
      if (!made.ok) return made;
      const out = await renderReport(made.value.run, {
        format: input.format,
        lang: input.lang ?? 'en',
        paper: input.paper ?? 'a4',
        generatedAt: deps.now().toISOString(),
        ...(made.value.base === undefined ? {} : { base: made.value.base }),
        ...(deps.pdf ? { pdf: deps.pdf } : {}),
      });
      return out.ok ? ok(out.file) : { ok: false, error: { code: out.code, message: out.message } };
    },
  };
}
