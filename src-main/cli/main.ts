// The `modulon` command line: run a scenario file, serve web mode. Exit codes: 0 success,
// 2 invalid input (a message naming the JSON path and what was expected), 1 internal error.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NOTICE } from '../../src-engine/contract/app-api.ts';
import { ENGINE_VERSION, scenarioJsonSchema, simulate } from '../../src-engine/index.ts';
import { VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import { runCase } from '../../src-engine/validation/run.ts';
import { summarize, validationTable } from '../validation-table.ts';
import { resultsToCsv } from '../csv.ts';
import { defaultDataDir } from '../paths.ts';
import { StoreError } from '../store/store.ts';
import { serve } from '../web/serve.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

/** An expected failure caused by the user's input: printed as one message, exit code 2. */
class UsageError extends Error {}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const HELP: Record<string, string> = {
  main: `modulon ${ENGINE_VERSION} — a what-if lab for the pharmacology of learning and memory.
${NOTICE.en}

Usage:
  modulon run <scenario.json> [--out FILE] [--csv FILE]   simulate a scenario, results JSON to stdout
  modulon serve [--port N] [--data DIR]                   start web mode on 127.0.0.1
  modulon validate [--json] [--drug ID]                   run the validation suite, print the table
  modulon schema                                          JSON Schema of the scenario format
  modulon <command> --help                                help on one command

Exit codes: 0 success, 2 invalid input, 1 internal error.
`,
  run: `modulon run <scenario.json> [--out FILE] [--csv FILE]

Simulates a scenario file (modulon.scenario/1) and writes the results (modulon.results/1).
  --out FILE   write the results JSON to FILE instead of stdout
  --csv FILE   also write the series as CSV (one row per time point)
Warnings (e.g. a dose above the labelled maximum) go to stderr. ${NOTICE.en}
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
    if (command === 'schema') {
      if (rest.length > 0) throw new UsageError('schema: takes no arguments');
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return EXIT_OK;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}; expected run, serve, validate or schema (see modulon --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof StoreError) {
      io.stderr(`modulon: ${e.message}\n`);
      return EXIT_INVALID;
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
  const file = positionals[0] as string;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const outcome = simulate(doc);
  if (!outcome.ok) {
    const [first, ...more] = outcome.errors;
    const extra = more.length === 0 ? '' : ` (and ${more.length} more: ${more.map((m) => m.path).join(', ')})`;
    throw new UsageError(`${file}: ${first!.path}: ${first!.message}${extra}`);
  }
  const { results } = outcome;
  for (const w of results.warnings) io.stderr(`modulon: warning: ${w}\n`);
  const json = `${JSON.stringify(results)}\n`;
  if (values.out !== undefined) await writeFile(values.out, json);
  else io.stdout(json);
  if (values.csv !== undefined) await writeFile(values.csv, resultsToCsv(results));
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
  const cases = VALIDATION_CASES.filter((c) => values.drug === undefined || c.drug.split('+').includes(values.drug));
  if (cases.length === 0) throw new UsageError(`validate: no cases for drug ${JSON.stringify(values.drug)}`);
  const results = cases.map(runCase);
  const summary = summarize(results);
  if (values.json) io.stdout(`${JSON.stringify({ engine: ENGINE_VERSION, summary, cases: results }, null, 2)}\n`);
  else io.stdout(validationTable(results, summary));
  return summary.failed > 0 ? EXIT_INTERNAL : EXIT_OK;
}

/** Runs web mode until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serveUntilSignal(options: { dataDir: string; port: number }, io: Io): Promise<void> {
  const served = await serve(options);
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
