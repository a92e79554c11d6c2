// `npm start`: the desktop app where the Electron binary is installed; where it is missing (no
// network to download it, as on the build machines) one line says so and web mode starts instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../paths.ts';
import { PACKAGE_ROOT } from '../web/serve.ts';
import { StoreError } from '../store/store.ts';
import { EXIT_INVALID, UsageError } from './io.ts';
import { serveUntilSignal } from './main.ts';

/** The Electron executable if its binary was downloaded, without triggering a download. */
export function electronExecutable(root: string = PACKAGE_ROOT): string | undefined {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

if (import.meta.main) {
  const exe = electronExecutable();
  if (exe !== undefined) {
    const child = spawn(exe, [PACKAGE_ROOT], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
  } else {
    process.stdout.write('Electron binary not installed (node_modules/electron/dist is missing); starting web mode instead.\n');
    const port = Number(process.env.MODULON_PORT ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`modulon: MODULON_PORT expected an integer from 0 to 65535, got ${JSON.stringify(process.env.MODULON_PORT)}\n`);
      process.exit(EXIT_INVALID);
    }
    await serveUntilSignal({ dataDir: process.env.MODULON_DATA ?? defaultDataDir(), port }, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).catch(async (e: unknown) => {
      process.stderr.write(`modulon: ${e instanceof Error ? e.message : String(e)}\n`);
      // The user's setup (a port in use, a data folder that cannot be used) exits 2, as in the command line.
      process.exitCode = e instanceof UsageError || e instanceof StoreError ? EXIT_INVALID : 1;
    });
  }
}
