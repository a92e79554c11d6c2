// `modulon compare` and `modulon report`: scenarios or a comparison file (modulon.comparison/1)
// through the engine, the key-findings table on stdout, and report files (HTML, PDF, long CSV).
import { parseArgs } from 'node:util';
import { COMPARISON_SCHEMA, type AnalysisInput, type ComparisonRun, type ReportLang } from '../../src-engine/contract/reports.ts';
import { parseScenario, RESULTS_SCHEMA, simulate, type FieldError, type Results, type ScenarioInput } from '../../src-engine/index.ts';
import { runComparison, scenarioRun } from '../reports/compare.ts';
import { MAX_ARMS, parseAnalysis, parseComparison } from '../reports/comparison.ts';
import { renderReport } from '../reports/export.ts';
import { chromiumPdfPrinter } from '../reports/pdf.ts';
import { findingsText } from '../reports/table.ts';
import { readJson, simulateDoc, writeOutput } from './files.ts';
import { EXIT_OK, UnavailableError, UsageError, type Io } from './io.ts';

export const COMPARE_HELP = `modulon compare <a.json> <b.json> [c.json ...] [options]
modulon compare <comparison.json> [options]

Runs 2–${MAX_ARMS} scenario files (arms named after the scenarios) or one comparison file
(modulon.comparison/1: a base scenario and arms that vary it; see README) and prints the key
findings per quantity and arm: start, peak (time), steady state (mean of the last 10 %), time to
effect (half the final change), values at chosen times, thresholds reached, Δ against the reference.
  --out FILE          write the arms' results and the findings as JSON
  --csv FILE          write every series of every arm as long CSV (time_h, arm, series, name, value, unit)
  --series A,B        quantities to analyse (default: per condition, drug and device)
  --at T1,T2          times of the value columns ("24h", "7d", "6w")
  --reference NAME    the arm differences are taken against (default: the first)
  --lang en|zh-CN     language of the table and the CSV names (default en)
`;

export const REPORT_HELP = `modulon report <scenario.json|comparison.json|results.json> --html FILE [--pdf FILE] [--csv FILE] [options]

Writes the report of a scenario (or its results from modulon run --out) or of a comparison: the
patient and interventions in words, key findings, charts, the mechanism chain, adverse effects,
the validation status of the quantities shown and the model's assumptions; self-contained HTML
(no script, no network), PDF through headless Chromium (${'`'}CHROMIUM_PATH${'`'}, default /usr/bin/chromium)
and long CSV. At least one of --html, --pdf, --csv.
  --lang en|zh-CN     language (default en); Chinese PDFs need a CJK font (Noto Sans CJK SC)
  --paper a4|letter   PDF page size (default a4)
  --series A,B        quantities to show (default: per condition, drug and device)
  --at T1,T2          times of the value columns
  --chain-at T1,T2    times of the mechanism chain (default: the last two of --at)
  --reference NAME    comparisons: the arm differences are taken against
`;

const COMMON = {
  series: { type: 'string' },
  at: { type: 'string' },
  reference: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${e instanceof Error ? e.message : String(e)} (see modulon ${command} --help)`);
  }
}

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((x) => x.trim()).filter((x) => x !== ''));

function langOf(command: string, text: string | undefined): ReportLang {
  if (text === undefined || text === 'en') return 'en';
  if (text === 'zh-CN' || text === 'zh') return 'zh-CN';
  throw new UsageError(`${command}: --lang expected en or zh-CN, got ${JSON.stringify(text)}`);
}

const FLAGS: Record<string, string> = { series: '--series', at: '--at', chainAt: '--chain-at', reference: '--reference' };

/** An analysis error at a command-line flag ("--series: unknown series ..."). */
function flagError(command: string, e: FieldError): UsageError {
  const field = /^(?:analysis\.)?(series|at|chainAt|reference)\b/.exec(e.path)?.[1];
  return new UsageError(`${command}: ${field ? FLAGS[field] : e.path}: ${e.message}`);
}

function analysisOf(command: string, values: { series?: string | undefined; at?: string | undefined; 'chain-at'?: string | undefined; reference?: string | undefined }): AnalysisInput | undefined {
  const raw: Record<string, unknown> = {};
  if (values.series !== undefined) raw.series = list(values.series);
  if (values.at !== undefined) raw.at = list(values.at);
  if (values['chain-at'] !== undefined) raw.chainAt = list(values['chain-at']);
  if (values.reference !== undefined) raw.reference = values.reference;
  if (Object.keys(raw).length === 0) return undefined;
  const parsed = parseAnalysis(raw);
  if (!parsed.ok) throw flagError(command, parsed.errors[0] as FieldError);
  return parsed.analysis;
}

const isComparison = (doc: unknown) => typeof doc === 'object' && doc !== null && (doc as { schema?: unknown }).schema === COMPARISON_SCHEMA;

/** Runs a comparison file, with the flags' analysis over the file's own. */
async function comparisonFile(file: string, doc: unknown, analysis: AnalysisInput | undefined, command: string, io: Io): Promise<{ run: ComparisonRun; base?: ScenarioInput }> {
  const parsed = parseComparison(doc);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`);
  const out = await runComparison(parsed.comparison, parsed.arms, simulate, analysis);
  if (!out.ok) {
    const e = out.errors[0] as FieldError;
    throw e.path.startsWith('analysis.') ? flagError(command, e) : new UsageError(`${file}: ${e.path}: ${e.message}`);
  }
  for (const a of out.value.arms) for (const w of a.results.warnings) io.stderr(`modulon: warning: ${a.name}: ${w}\n`);
  return { run: out.value, ...(parsed.comparison.base === undefined ? {} : { base: parsed.comparison.base }) };
}

export async function compareCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('compare', args, { ...COMMON, out: { type: 'string' }, csv: { type: 'string' } });
  if (values.help) {
    io.stdout(COMPARE_HELP);
    return EXIT_OK;
  }
  const lang = langOf('compare', values.lang);
  const analysis = analysisOf('compare', values);
  if (positionals.length === 0) throw new UsageError('compare: expected 2 to 6 scenario files or one comparison file (see modulon compare --help)');
  const docs = await Promise.all(positionals.map(async (f) => ({ file: f, doc: await readJson(f) })));
  let run: ComparisonRun;
  if (docs.length === 1 && isComparison(docs[0]?.doc)) {
    run = (await comparisonFile(positionals[0] as string, docs[0]?.doc, analysis, 'compare', io)).run;
  } else {
    if (docs.length < 2 || docs.length > MAX_ARMS) throw new UsageError(`compare: expected 2 to ${MAX_ARMS} scenario files or one comparison file, got ${docs.length} file${docs.length === 1 ? '' : 's'}`);
    const seen = new Map<string, number>();
    const arms = docs.map(({ file, doc }) => {
      if (isComparison(doc)) throw new UsageError(`${file}: a comparison file is compared on its own (modulon compare ${file})`);
      const parsed = parseScenario(doc);
      if (!parsed.ok) throw new UsageError(`${file}: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`);
      // Arms are named after their scenarios; a repeated name gets a number.
      const name = parsed.scenario.name;
      const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
      seen.set(name.toLowerCase(), n);
      return { name: n === 1 ? name : `${name} (${n})`, scenario: doc as ScenarioInput };
    });
    const doc = { schema: COMPARISON_SCHEMA, name: arms.map((a) => a.name).join(' | ').slice(0, 200), arms, ...(analysis ?? {}) };
    const parsed = parseComparison(doc);
    if (!parsed.ok) throw flagError('compare', parsed.errors[0] as FieldError);
    const out = await runComparison(parsed.comparison, parsed.arms, simulate);
    if (!out.ok) throw flagError('compare', out.errors[0] as FieldError);
    out.value.arms.forEach((a, i) => {
      for (const w of a.results.warnings) io.stderr(`modulon: warning: ${docs[i]?.file}: ${w}\n`);
    });
    run = out.value;
  }
  io.stdout(findingsText(run, lang));
  const generatedAt = new Date().toISOString();
  if (values.out !== undefined) await writeOutput(values.out, `${JSON.stringify({ schema: 'modulon.comparison-results/1', generatedAt, ...run })}\n`);
  if (values.csv !== undefined) {
    const csv = await renderReport(run, { format: 'csv', lang, paper: 'a4', generatedAt });
    if (csv.ok) await writeOutput(values.csv, csv.file.content);
  }
  return EXIT_OK;
}

export async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('report', args, {
    ...COMMON,
    html: { type: 'string' },
    pdf: { type: 'string' },
    csv: { type: 'string' },
    paper: { type: 'string' },
    'chain-at': { type: 'string' },
  });
  if (values.help) {
    io.stdout(REPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('report: expected exactly one scenario, results or comparison file (see modulon report --help)');
  if (values.html === undefined && values.pdf === undefined && values.csv === undefined) throw new UsageError('report: expected at least one of --html FILE, --pdf FILE, --csv FILE');
  const lang = langOf('report', values.lang);
  const paper = values.paper ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`report: --paper expected a4 or letter, got ${JSON.stringify(paper)}`);
  const analysis = analysisOf('report', values);
  const file = positionals[0] as string;
  const doc = await readJson(file);
  let made: { run: ComparisonRun; base?: ScenarioInput };
  if (isComparison(doc)) made = await comparisonFile(file, doc, analysis, 'report', io);
  else {
    let results: Results;
    if ((doc as { schema?: unknown } | null)?.schema === RESULTS_SCHEMA) {
      results = doc as Results;
      const check = parseScenario(results.scenario);
      if (!check.ok || typeof results.series !== 'object') throw new UsageError(`${file}: expected results written by modulon run (scenario ${check.ok ? 'ok' : `${check.errors[0]?.path}: ${check.errors[0]?.message}`})`);
    } else results = simulateDoc(doc, file, io);
    const out = scenarioRun(results, results.scenario, analysis ?? {});
    if (!out.ok) throw flagError('report', out.errors[0] as FieldError);
    made = { run: out.value };
  }
  const generatedAt = new Date().toISOString();
  const render = (format: 'html' | 'csv' | 'pdf') =>
    renderReport(made.run, { format, lang, paper, generatedAt, ...(made.base ? { base: made.base } : {}), ...(format === 'pdf' ? { pdf: chromiumPdfPrinter() } : {}) });
  for (const [format, target] of [['html', values.html], ['csv', values.csv], ['pdf', values.pdf]] as const) {
    if (target === undefined) continue;
    const out = await render(format);
    if (!out.ok) throw new UnavailableError(`cannot write ${target}: ${out.message}${values.html || values.csv ? ' (the other files were written)' : ''}`);
    await writeOutput(target, out.file.encoding === 'base64' ? Buffer.from(out.file.content, 'base64') : out.file.content);
  }
  return EXIT_OK;
}
