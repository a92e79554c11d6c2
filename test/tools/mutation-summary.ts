// Where mutation testing stands: `node test/tools/mutation-summary.ts [--compact] [--survivors PREFIX] [file]`.
// Reads Stryker's incremental results (default test/mutation/stryker-incremental.json, the
// committed record `npm run mutate` continues from) and prints, per room of the mutated scope, the
// mutants killed, timed out, survived and not covered, the mutation score (killed + timed out over
// all of these, Stryker's definition) and how many of the scope's current mutants the record does
// not hold yet (still to test). The scope and mutators come from stryker.config.mjs; the current
// mutants are enumerated with Stryker's own instrumenter, matched by file, place, mutator and
// replacement (the key Stryker's incremental mode uses).
// --compact rewrites the file without indentation (Stryker writes it indented; same content).
// --survivors PREFIX lists the surviving and uncovered mutants of the files under PREFIX, with
// their place and replacement: what the next tests should kill.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';

interface Location { start: { line: number; column: number }; end: { line: number; column: number } }
interface MutantResult { mutatorName: string; replacement?: string; status: string; location: Location; static?: boolean }
interface Report { files: Record<string, { source: string; mutants: MutantResult[] }> }

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const compact = args.includes('--compact');
const survivorsOf = args.includes('--survivors') ? args[args.indexOf('--survivors') + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--survivors') ?? join(ROOT, 'test', 'mutation', 'stryker-incremental.json');

const text = readFileSync(file, 'utf8');
const report = JSON.parse(text) as Report;
if (compact) writeFileSync(file, JSON.stringify(report));

const config = (await import(join(ROOT, 'stryker.config.mjs'))).default as { mutate: string[] };
const include = config.mutate.filter((p) => !p.startsWith('!'));
const scope = execFileSync('git', ['ls-files', '--', ...include.map((p) => `:(glob)${p}`)], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** The room a file belongs to: its folder under src-engine/ or src-main/, or the file itself. */
const room = (f: string): string => {
  const parts = f.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : f;
};
const key = (f: string, m: { mutatorName: string; replacement?: string; location: Location }): string =>
  `${f}@${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}\n${m.mutatorName}: ${m.replacement ?? ''}`;

const silent = () => undefined;
const log = { debug: silent, info: silent, warn: silent, error: silent, trace: silent, fatal: silent, isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false };
const instrumented = await new Instrumenter(log as never).instrument(
  scope.map((name) => ({ name, content: readFileSync(join(ROOT, name), 'utf8'), mutate: true })),
  { plugins: null, excludedMutations: [], ignorers: [], mutationRanges: [], noHeader: true } as never,
);

const recorded = new Map<string, string>();
for (const [f, entry] of Object.entries(report.files)) {
  // A file whose source changed since it was recorded is re-tested by Stryker: count it as pending.
  const current = scope.includes(f) ? readFileSync(join(ROOT, f), 'utf8') : undefined;
  if (current !== entry.source) continue;
  for (const m of entry.mutants) {
    recorded.set(key(f, m), m.status);
    if (survivorsOf && f.startsWith(survivorsOf) && (m.status === 'Survived' || m.status === 'NoCoverage')) {
      const line = entry.source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
      console.log(`${f}:${m.location.start.line}:${m.location.start.column}\t${m.status}\t${m.mutatorName} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}\t| ${line.slice(0, 100)}`);
    }
  }
}

type Row = Record<'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'other' | 'pending', number>;
const rows = new Map<string, Row>();
const row = (r: string): Row => {
  let x = rows.get(r);
  if (!x) rows.set(r, (x = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0, pending: 0 }));
  return x;
};
for (const m of instrumented.mutants) {
  const f = m.fileName.replace(`${ROOT}/`, '');
  // The instrumenter counts lines and columns from 0, the report from 1.
  const { start, end } = m.location;
  const location = { start: { line: start.line + 1, column: start.column + 1 }, end: { line: end.line + 1, column: end.column + 1 } };
  const status = recorded.get(key(f, { mutatorName: m.mutatorName, replacement: m.replacement, location }));
  const r = row(room(f));
  if (status === undefined) r.pending++;
  else if (status === 'Killed' || status === 'Timeout' || status === 'Survived' || status === 'NoCoverage') r[status]++;
  else r.other++; // Ignored (static), CompileError, RuntimeError: outside the score
}

const score = (r: Row): string => {
  const valid = r.Killed + r.Timeout + r.Survived + r.NoCoverage;
  return valid ? `${((100 * (r.Killed + r.Timeout)) / valid).toFixed(1)} %` : '—';
};
const total: Row = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0, pending: 0 };
console.log(['room', 'killed', 'timeout', 'survived', 'no cov.', 'ignored/err', 'pending', 'score'].join('\t'));
for (const [r, x] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const k of Object.keys(total) as (keyof Row)[]) total[k] += x[k];
  console.log([r, x.Killed, x.Timeout, x.Survived, x.NoCoverage, x.other, x.pending, score(x)].join('\t'));
}
console.log(['all', total.Killed, total.Timeout, total.Survived, total.NoCoverage, total.other, total.pending, score(total)].join('\t'));
console.log(`${instrumented.mutants.length} mutants in scope; ${instrumented.mutants.length - total.pending} recorded for the current code, ${total.pending} still to test.`);
