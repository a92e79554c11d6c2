// The Playwright fixture every spec uses: web mode on a fresh temporary data folder, restartable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startServer, type Server } from './server.ts';

export interface App {
  /** The running server (start() first). */
  server: Server;
  /** Starts web mode on the data folder (the same port as before on a restart). */
  start(port?: number): Promise<Server>;
  stop(): Promise<void>;
  /** Forgets the data folder and uses a fresh one (a machine that never saw the data). */
  freshData(): void;
}

export const test = base.extend<{ app: App }>({
  app: async ({}, use) => {
    let dataDir = mkdtempSync(join(tmpdir(), 'modulon-e2e-'));
    let server: Server | undefined;
    const app: App = {
      get server() {
        if (!server) throw new Error('start() the server first');
        return server;
      },
      async start(port = 0) {
        server = await startServer(dataDir, port);
        return server;
      },
      async stop() {
        await server?.stop();
        server = undefined;
      },
      freshData() {
        rmSync(dataDir, { recursive: true, force: true });
        dataDir = mkdtempSync(join(tmpdir(), 'modulon-e2e-'));
      },
    };
    await use(app);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
