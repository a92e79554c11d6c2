// Merges Stryker incremental results recorded in separate runs (another clone, another scope) into
// one file that `npm run mutate` can continue from:
//   node test/tools/mutation-merge.ts <out.json> <older.json> <newer.json> [...]
// Later files win: a mutated file present in several keeps the later record. Test ids are local to
// each report, so every test is re-numbered by its identity (file, place, name). Where two reports
// hold different versions of a test file, the later version is kept and the earlier report's
// mutants lose their references to tests in it; Stryker then re-tests a killed mutant whose killing
// test is no longer known, which is the safe side.
import { readFileSync, writeFileSync } from 'node:fs';

interface Test { id: string; name: string; location?: { start: { line: number; column: number } } }
interface TestFile { source?: string; tests: Test[] }
interface Mutant { coveredBy?: string[]; killedBy?: string[]; [k: string]: unknown }
interface Report { files: Record<string, { mutants: Mutant[]; [k: string]: unknown }>; testFiles?: Record<string, TestFile>; [k: string]: unknown }

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length < 2) {
  console.error('usage: node test/tools/mutation-merge.ts <out.json> <older.json> <newer.json> [...]');
  process.exit(2);
}
const reports = inputs.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report);

const testKey = (file: string, t: Test): string => `${file}@${t.location?.start.line ?? 0}:${t.location?.start.column ?? 0}\n${t.name}`;

// Which version of each test file is kept: the last report that has it.
const testFileOwner = new Map<string, number>();
reports.forEach((r, i) => Object.keys(r.testFiles ?? {}).forEach((f) => testFileOwner.set(f, i)));
// A report's test file version is usable if it is the kept one or has the same source.
const usable = (i: number, f: string): boolean => {
  const owner = testFileOwner.get(f)!;
  return owner === i || reports[i]!.testFiles![f]!.source === reports[owner]!.testFiles![f]!.source;
};

const merged: Report = { ...reports.at(-1)!, files: {}, testFiles: {} };
const newId = new Map<string, string>(); // test key → merged id
for (const [f, owner] of testFileOwner) {
  const kept = reports[owner]!.testFiles![f]!;
  const tests: Test[] = [];
  const seen = new Set<string>();
  // Tests of every usable version (same source, so the same tests; ids may differ).
  reports.forEach((r, i) => {
    if (!r.testFiles?.[f] || !usable(i, f)) return;
    for (const t of r.testFiles[f].tests) {
      const k = testKey(f, t);
      if (seen.has(k)) continue;
      seen.add(k);
      const id = String(newId.size);
      newId.set(k, id);
      tests.push({ ...t, id });
    }
  });
  merged.testFiles![f] = { ...kept, tests };
}

reports.forEach((r, i) => {
  // Old id → merged id for this report's tests, only where its test file version was kept.
  const remap = new Map<string, string>();
  for (const [f, tf] of Object.entries(r.testFiles ?? {})) {
    if (!usable(i, f)) continue;
    for (const t of tf.tests) remap.set(t.id, newId.get(testKey(f, t))!);
  }
  const map = (ids?: string[]) => ids?.map((id) => remap.get(id)).filter((id): id is string => id !== undefined);
  for (const [f, entry] of Object.entries(r.files)) {
    merged.files[f] = { ...entry, mutants: entry.mutants.map((m) => ({ ...m, coveredBy: map(m.coveredBy), killedBy: map(m.killedBy) })) };
  }
});

writeFileSync(out, JSON.stringify(merged));
const mutants = Object.values(merged.files).reduce((n, f) => n + f.mutants.length, 0);
console.log(`${out}: ${Object.keys(merged.files).length} mutated files, ${mutants} mutants, ${Object.keys(merged.testFiles!).length} test files, ${newId.size} tests`);
