// Reading the command line's input files and writing its output files: a missing file, bad JSON or
// a folder that cannot be written is the user's error (exit 2), said in one line.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { simulate, type Results } from '../../src-engine/index.ts';
import { UsageError, type Io } from './io.ts';

/** Reads an input file; a missing or unreadable one is the user's input error (exit 2). */
export async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Reads a JSON file; bad JSON is refused with the parser's message. A byte-order mark (Windows editors) is fine. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readInput(file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Reads, validates and simulates a scenario file; warnings go to stderr. */
export async function simulateFile(file: string, io: Io): Promise<Results> {
  return simulateDoc(await readJson(file), file, io);
}

/** Writes an output file; a folder that is missing or read-only, or a full disk, is the user's to fix (exit 2). */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const folder = dirname(resolve(file));
    const why: Record<string, string> = {
      ENOENT: `the folder ${folder} does not exist; create it first or write elsewhere`,
      ENOTDIR: `${folder} is not a folder; write elsewhere`,
      EISDIR: 'it is a folder; give a file name',
      EACCES: `no permission to write there (${folder}); write elsewhere`,
      EPERM: `no permission to write there (${folder}); write elsewhere`,
      EROFS: `${folder} is on a read-only disk; write elsewhere`,
      ENOSPC: 'the disk is full; free some space or write elsewhere',
    };
    if (why[code] === undefined) throw e;
    throw new UsageError(`cannot write ${file}: ${why[code]} (${code})`);
  }
}

/** Errors shown before "... and N more": enough to see the pattern, never megabytes of text. */
export const LISTED_ERRORS = 20;

/** The first LISTED_ERRORS lines of a refusal, then how many more there are (`total` counts them all). */
export function cappedList(lines: readonly string[], total: number = lines.length): string {
  if (total <= LISTED_ERRORS) return lines.join('\n');
  const more = total - LISTED_ERRORS;
  return `${lines.slice(0, LISTED_ERRORS).join('\n')}\n... and ${more.toLocaleString('en')} more error${more === 1 ? '' : 's'} (fix these first)`;
}

/** Validates and simulates a scenario document read from `file`; warnings go to stderr. */
export function simulateDoc(doc: unknown, file: string, io: Io): Results {
  const outcome = simulate(doc);
  if (!outcome.ok) {
    const [first, ...more] = outcome.errors;
    const shown = more.slice(0, LISTED_ERRORS).map((m) => m.path).join(', ');
    const extra = more.length === 0 ? '' : ` (and ${more.length} more: ${shown}${more.length > LISTED_ERRORS ? ', ...' : ''})`;
    throw new UsageError(`${file}: ${first!.path}: ${first!.message}${extra}`);
  }
  for (const w of outcome.results.warnings) io.stderr(`modulon: warning: ${w}\n`);
  return outcome.results;
}

