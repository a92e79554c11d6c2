// Starts web mode end to end: the store in the data folder, the backend, the built renderer, the host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../api/app-api.ts';
import { workerRunner } from '../engine-runner.ts';
import { chromiumPdfPrinter } from '../reports/pdf.ts';
import { openStore, type Store } from '../store/store.ts';
import { startWebHost, type WebHost } from './host.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

export interface ServeOptions {
  dataDir: string;
  port?: number;
  token?: string;
}

export interface Served {
  host: WebHost;
  store: Store;
  stop(): Promise<void>;
}

/** Builds the interface if this checkout has never been built (`npx modulon serve` right after install). */
export function ensureRendererBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const bin = join(PACKAGE_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  if (!existsSync(bin)) throw new Error(`the interface is not built (${RENDERER_DIR} is missing) and electron-vite is not installed; run npm install, then npm run build`);
  log('Building the interface once (out/renderer is missing)...');
  const built = spawnSync(bin, ['build'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('building the interface failed (see the messages above)');
}

export async function serve(options: ServeOptions): Promise<Served> {
  ensureRendererBuilt();
  const store = await openStore(options.dataDir);
  const engine = workerRunner(new URL('../engine-worker.ts', import.meta.url));
  try {
    const backend = createBackend({ store, dataDir: options.dataDir, transport: 'http', engine, pdf: chromiumPdfPrinter() });
    const host = await startWebHost({ backend, staticDir: RENDERER_DIR, port: options.port, token: options.token });
    return {
      host,
      store,
      async stop() {
        await host.close();
        await engine.close();
        store.close();
      },
    };
  } catch (e) {
    await engine.close();
    store.close();
    throw e;
  }
}
