// Scenario files handed to the app: File ▸ Open…, Open Recent, a file on the command line of the
// first or a second launch, a file opened from the Finder (macOS). Read here, parsed by the page.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';

/** A scenario file is small; the largest valid one (100 schedules, 20 custom drugs) is well under 1 MB. */
export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

/** The scenario file named on a command line (the last argument ending in .json), made absolute. */
export function fileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  // argv[0] is the executable; an unpackaged start has the app's folder as argv[1], never a .json.
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i] as string;
    if (arg.startsWith('-')) continue;
    if (/\.json$/i.test(arg)) return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return undefined;
}

export type ReadOutcome = { ok: true; path: string; name: string; text: string } | { ok: false; message: string };

/** The file's text (a UTF-8 BOM dropped), or one sentence saying why it cannot be opened. */
export async function readScenarioFile(path: string): Promise<ReadOutcome> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, message: `${path} is not a file` };
    if (st.size > MAX_SCENARIO_BYTES) return { ok: false, message: `${path} is ${(st.size / 1048576).toFixed(0)} MB; a scenario file is at most ${MAX_SCENARIO_BYTES / 1048576} MB` };
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    return { ok: true, path, name: basename(path), text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${path} no longer exists (moved or deleted?)` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `Modulon may not read ${path} (${code})` };
    return { ok: false, message: `${path} cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})` };
  }
}
