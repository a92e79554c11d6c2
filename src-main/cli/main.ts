// The `modulon` command line: run a scenario file, serve web mode (compare and report: reports.ts). Exit codes: 0 success,
// 2 invalid input (a message naming the JSON path and what was expected), 1 internal error.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NOTICE } from '../../src-engine/contract/app-api.ts';
import { ENGINE_VERSION, parseDuration, parseScenario, runChecked, scenarioJsonSchema } from '../../src-engine/index.ts';
import { RESULTS_JSON_SCHEMA } from '../../src-engine/results.ts';
import { EXPLAINABLE, mechanismChain } from '../../src-engine/neuro/chain.ts';
import { formatCsvError, parseRecordsCsv } from '../../src-engine/pk/records-csv.ts';
import { VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import type { ValidationCase } from '../../src-engine/validation/schema.ts';
import { runCase } from '../../src-engine/validation/run.ts';
import { effectsReport, summarize, summarizeLayers, validationTable } from '../validation-table.ts';
import { resultsToCsv } from '../csv.ts';
import { defaultDataDir } from '../paths.ts';
import { StoreError } from '../store/store.ts';
import { serve } from '../web/serve.ts';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, UnavailableError, UsageError, type Io } from './io.ts';
import { cappedList, readInput, simulateFile, writeOutput } from './files.ts';
import { compareCommand, reportCommand } from './reports.ts';
import { examplesCommand } from './examples.ts';

export { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, type Io } from './io.ts';

const processIo: Io = {
  stdout: (t) => {
    quietWhenPipeCloses();
    process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
};

let listening = false;

/**
 * `modulon run x.json | head`: once the reader has what it wanted it closes the pipe, and the next
 * write fails with EPIPE. That is not an error: stop quietly, with status 0 (what is not read is
 * not wanted; a non-zero status would fail pipelines run with pipefail).
 */
function quietWhenPipeCloses(): void {
  if (listening) return;
  listening = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
}

const HELP: Record<string, string> = {
  main: `modulon ${ENGINE_VERSION} — a what-if lab for the pharmacology of learning and memory.
${NOTICE.en}

Usage:
  modulon run <scenario.json> [--out FILE] [--csv FILE]   simulate a scenario, results JSON to stdout
  modulon serve [--port N] [--data DIR]                   start web mode on 127.0.0.1
  modulon pk --model M --CL x --V y [--ka k] records.csv  concentrations for dosing records (ID,time,conc)
  modulon explain <scenario.json> --readout R --at T      the mechanism chain behind a readout at a time
  modulon compare <a.json> <b.json> [c.json ...]          compare scenarios (or one comparison file): key findings
  modulon report <file.json> --html FILE [--pdf FILE]     a report of a scenario or comparison (HTML, PDF, CSV)
  modulon validate [--json] [--drug ID]                   run the validation suite, print the table
  modulon schema [scenario|results]                       JSON Schema of the scenario (default) or results format
  modulon examples [--lang en|zh] [--json]                the example scenarios: id, condition, name
  modulon examples export <id> [--out FILE] [--lang L]    write one as a scenario file for modulon run
  modulon <command> --help                                help on one command

Exit codes: 0 success, 2 invalid input, 1 internal error.
`,
  run: `modulon run <scenario.json> [--out FILE] [--csv FILE]

Simulates a scenario file (modulon.scenario/1) and writes the results (modulon.results/1).
  --out FILE   write the results JSON to FILE instead of stdout
  --csv FILE   also write the series as CSV (one row per time point, one column per series;
               modulon report --csv writes the long, annotated CSV)
Warnings (e.g. a dose above the labelled maximum) go to stderr. ${NOTICE.en}
`,
  pk: `modulon pk --model one-compartment-oral --CL 1.1 --V 20 --ka 1.5 records.csv [--out FILE]
modulon pk --model two-compartment-oral --CL 1.1 --V 20 --Q 2 --V2 50 --ka 1.5 records.csv

Simulates dosing records (CSV with columns time, amt, cmt, rate or dur, ii, addl, ss, evid, lag,
f and optionally ID; NONMEM conventions: "." for empty, cmt 1 = depot, 2 = central, a C column
marks comments) and prints ID,time,conc for every observation row (evid 0). Units: time h, amt mg,
CL and Q L/h, V and V2 L, ka 1/h; conc ng/mL.
  --F x        oral bioavailability of depot doses (default 1)
  --out FILE   write the table to FILE instead of stdout
`,
  explain: `modulon explain <scenario.json> --readout scale.hamd17 --at 24h [--json]

Simulates the scenario and prints the causal chain behind one readout at one time: the last
doses, plasma levels, target engagement, transmitter tones, receptor and circuit states,
adaptation and plasticity, disease and learning states, and the readout, each now and at the
start of the run. Readouts: ${EXPLAINABLE.join(', ')}.
  --readout R   the readout to explain (a series name)
  --at T        the time, as a duration from the start ("24h", "3d", "6w")
  --json        machine-readable chain
`,
  validate: `modulon validate [--json] [--drug ID]

Runs every validation case (src-engine/data/validation/*.json): the engine against published
values, each with its source, error and band (within 10 %, within 30 %, outside).
  --json      machine-readable results instead of the table
  --drug ID   only the cases of one drug
`,
  serve: `modulon serve [--port N] [--data DIR]

Starts web mode: the app and its API on http://127.0.0.1 only, behind a per-run secret token
that is part of the printed URL. Stop with Ctrl+C.
  --port N     port to listen on (default: a free port)
  --data DIR   folder of the database (default: ${defaultDataDir()})
`,
};

const OPTIONS = {
  run: { out: { type: 'string' }, csv: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  serve: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  validate: { json: { type: 'boolean' }, drug: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  explain: { readout: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  pk: {
    model: { type: 'string' },
    CL: { type: 'string' },
    V: { type: 'string' },
    ka: { type: 'string' },
    Q: { type: 'string' },
    V2: { type: 'string' },
    F: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP.main!);
      return EXIT_OK;
    }
    if (command === '--version') {
      io.stdout(`${ENGINE_VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'run') return await runCommand(rest, io);
    if (command === 'serve') return await serveCommand(rest, io);
    if (command === 'validate') return validateCommand(rest, io);
    if (command === 'explain') return await explainCommand(rest, io);
    if (command === 'pk') return await pkCommand(rest, io);
    if (command === 'compare') return await compareCommand(rest, io);
    if (command === 'report') return await reportCommand(rest, io);
    if (command === 'examples') return await examplesCommand(rest, io);
    if (command === 'schema') {
      const [which = 'scenario', ...extra] = rest;
      if (extra.length > 0 || (which !== 'scenario' && which !== 'results')) throw new UsageError(`schema: expected "scenario" (the default) or "results", got ${JSON.stringify(rest.join(' '))}`);
      io.stdout(`${JSON.stringify(which === 'results' ? RESULTS_JSON_SCHEMA : scenarioJsonSchema(), null, 2)}\n`);
      return EXIT_OK;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}; expected run, serve, pk, explain, compare, report, validate, schema or examples (see modulon --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof StoreError) {
      io.stderr(`modulon: ${e.message}\n`);
      return EXIT_INVALID;
    }
    if (e instanceof UnavailableError) {
      io.stderr(`modulon: ${e.message}\n`);
      return EXIT_INTERNAL;
    }
    io.stderr(`modulon: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL;
  }
}

function parse<K extends keyof typeof OPTIONS>(command: K, args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${e instanceof Error ? e.message : String(e)} (see modulon ${command} --help)`);
  }
}

async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('run', args);
  if (values.help) {
    io.stdout(HELP.run!);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('run: expected exactly one scenario file (see modulon run --help)');
  const results = await simulateFile(positionals[0] as string, io);
  const json = `${JSON.stringify(results)}\n`;
  if (values.out !== undefined) await writeOutput(values.out, json);
  else io.stdout(json);
  if (values.csv !== undefined) await writeOutput(values.csv, resultsToCsv(results));
  return EXIT_OK;
}

async function explainCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('explain', args);
  if (values.help) {
    io.stdout(HELP.explain!);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('explain: expected exactly one scenario file (see modulon explain --help)');
  if (values.readout === undefined) throw new UsageError(`explain: --readout is required, one of ${EXPLAINABLE.join(', ')}`);
  const at = parseDuration(values.at ?? '');
  if (!at.ok) throw new UsageError(`explain: --at expected ${at.expected}, got ${JSON.stringify(values.at ?? '')}`);
  const results = await simulateFile(positionals[0] as string, io);
  const chain = mechanismChain(results, values.readout, at.value);
  if (!chain.ok) throw new UsageError(`explain: ${chain.message}`);
  if (values.json) {
    io.stdout(`${JSON.stringify({ engine: ENGINE_VERSION, readout: values.readout, t: at.value, links: chain.links, notice: NOTICE.en }, null, 2)}\n`);
    return EXIT_OK;
  }
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());
  const lines = chain.links.map((l) =>
    l.layer === 'dose' ? `  ${'dose'.padEnd(12)} ${l.name} (${fmt(l.value)} h ago)` : `  ${l.layer.padEnd(12)} ${l.name.padEnd(36)} ${fmt(l.value).padStart(8)} ${l.unit.padEnd(9)} (start ${fmt(l.start ?? 0)})`,
  );
  io.stdout(`Why ${values.readout} at ${values.at}:\n${lines.join('\n')}\n\n${NOTICE.en}\n`);
  return EXIT_OK;
}

async function serveCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('serve', args);
  if (values.help) {
    io.stdout(HELP.serve!);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument ${JSON.stringify(positionals[0])}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`serve: --port expected an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
  await serveUntilSignal({ dataDir: resolve(values.data ?? defaultDataDir()), port }, io);
  return EXIT_OK;
}

function validateCommand(args: readonly string[], io: Io): number {
  const { values, positionals } = parse('validate', args);
  if (values.help) {
    io.stdout(HELP.validate!);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`validate: unexpected argument ${JSON.stringify(positionals[0])}`);
  return validateCases(VALIDATION_CASES, values.drug, values.json === true, io);
}

/** Runs the cases (those of one drug, if given) and the effect matrix; exit 1 when any could not run. Exported for tests, which pass a broken case. */
export function validateCases(all: readonly ValidationCase[], drug: string | undefined, json: boolean, io: Io): number {
  const cases = all.filter((c) => drug === undefined || c.drug.split('+').includes(drug));
  if (cases.length === 0) throw new UsageError(`validate: no cases for drug ${JSON.stringify(drug)}`);
  const results = cases.map(runCase);
  const summary = summarize(results);
  const effects = effectsReport(drug);
  if (json) io.stdout(`${JSON.stringify({ engine: ENGINE_VERSION, summary, layers: summarizeLayers(results), cases: results, effects }, null, 2)}\n`);
  else io.stdout(validationTable(results, summary, effects));
  return summary.failed > 0 || effects.summary.failed > 0 ? EXIT_INTERNAL : EXIT_OK;
}

const PK_MODELS = ['one-compartment-oral', 'two-compartment-oral'] as const;

async function pkCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('pk', args);
  if (values.help) {
    io.stdout(HELP.pk!);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('pk: expected exactly one records CSV file (see modulon pk --help)');
  const model = values.model;
  if (model === undefined || !(PK_MODELS as readonly string[]).includes(model)) {
    throw new UsageError(`pk: --model expected ${PK_MODELS.join(' or ')}, got ${JSON.stringify(model ?? '')}`);
  }
  const two = model === 'two-compartment-oral';
  const number = (name: 'CL' | 'V' | 'ka' | 'Q' | 'V2' | 'F', unit: string, required: boolean): number | undefined => {
    const text = values[name];
    if (text === undefined) {
      if (required) throw new UsageError(`pk: --${name} (${unit}) is required for ${model}`);
      return undefined;
    }
    const x = Number(text);
    if (!Number.isFinite(x) || x <= 0) throw new UsageError(`pk: --${name} expected a number greater than 0 (${unit}), got ${JSON.stringify(text)}`);
    return x;
  };
  const CL = number('CL', 'L/h', true)!;
  const V = number('V', 'L', true)!;
  const ka = number('ka', '1/h', true)!;
  const Q = number('Q', 'L/h', two);
  const V2 = number('V2', 'L', two);
  const F = number('F', 'fraction', false) ?? 1;
  if (!two && (Q !== undefined || V2 !== undefined)) throw new UsageError('pk: --Q and --V2 belong to --model two-compartment-oral');
  if (F > 1) throw new UsageError(`pk: --F expected a fraction from 0 to 1, got ${F}`);
  const file = positionals[0] as string;
  const text = await readInput(file);
  const parsed = parseRecordsCsv(text);
  if (!parsed.ok) throw new UsageError(cappedList(parsed.errors.map((e) => `${file}: ${formatCsvError(e)}`), parsed.errors.length + (parsed.more ?? 0)));
  if (parsed.ignoredColumns.length > 0) io.stderr(`modulon: note: ${file}: columns ignored: ${parsed.ignoredColumns.join(', ')}\n`);
  const drug = {
    id: 'pk-model',
    name: model,
    model: two ? 'two-compartment' : 'one-compartment',
    routes: ['oral', 'iv'],
    CL: { value: CL, unit: 'L/h' },
    V: { value: V, unit: 'L' },
    ka: { value: ka, unit: '1/h' },
    F,
    ...(two ? { Q: { value: Q, unit: 'L/h' }, V2: { value: V2, unit: 'L' } } : {}),
  };
  const lines = ['ID,time,conc'];
  for (const subject of parsed.subjects) {
    if (subject.observations.length === 0) continue;
    // A loop, not Math.max(...): spreading 130,000 arguments overflows the stack.
    let end = 0;
    for (const t of subject.observations) end = Math.max(end, t);
    for (const r of subject.records) end = Math.max(end, r.time);
    const doc = {
      schema: 'modulon.scenario/1',
      name: `records ${subject.id}`,
      duration: `${Math.ceil(end) + 1}h`,
      patient: { condition: 'healthy' },
      customDrugs: [drug],
      interventions: subject.records.length > 0 ? [{ type: 'drug', drug: 'pk-model', route: 'oral', records: subject.records }] : [],
    };
    const scenario = parseScenario(doc);
    if (!scenario.ok) throw new UsageError(`${file}: ID ${subject.id}: ${scenario.errors[0]!.path}: ${scenario.errors[0]!.message}`);
    const outcome = runChecked(scenario.scenario, { times: subject.observations, slowLayer: false });
    if (!outcome.ok) throw new UsageError(`${file}: ID ${subject.id}: ${outcome.errors[0]!.message}`);
    const results = outcome.results;
    // An ID with observations but no doses has no drug in its run: its concentrations are 0.
    const s = results.series['pk.pk-model.plasma'];
    // By time through a map, not indexOf per row (quadratic: minutes for 130,000 rows).
    const at = new Map<number, number>();
    s?.t.forEach((t, i) => at.set(t, s.v[i] as number));
    for (const t of subject.observations) lines.push(`${subject.id},${t},${Number((at.get(t) ?? 0).toPrecision(10))}`);
  }
  const table = `${lines.join('\n')}\n`;
  if (values.out !== undefined) await writeOutput(values.out, table);
  else io.stdout(table);
  return EXIT_OK;
}

/** Runs web mode until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serveUntilSignal(options: { dataDir: string; port: number }, io: Io): Promise<void> {
  let served: Awaited<ReturnType<typeof serve>>;
  try {
    served = await serve(options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`serve: port ${options.port} is in use (another Modulon, or another program); choose another with --port N (MODULON_PORT for npm start), or 0 for a free one`);
    if (code === 'EACCES') throw new UsageError(`serve: port ${options.port} needs privileges this user does not have; choose one from 1024 up with --port N (MODULON_PORT for npm start), or 0 for a free one`);
    throw e;
  }
  io.stdout(`Modulon web mode: ${served.host.url}\n(data: ${options.dataDir}; Ctrl+C to stop) ${NOTICE.en}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      served.stop().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
