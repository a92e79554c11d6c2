// The web host stays responsive while the engine works: a long run does not hold up a small one or
// a health request, and a caller that goes away stops the run it asked for.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { RunStopped, workerRunner, type EngineRunner } from '../engine-runner.ts';
import { openStore, type Store } from '../store/store.ts';
import { startWebHost, type WebHost } from './host.ts';

let dir: string;
let web: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modulon-responsive-'));
  web = join(dir, 'renderer');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Modulon</title>');
  store = await openStore(join(dir, 'data'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(host: WebHost, method: string, body: unknown): { done: Promise<{ ms: number; status: number; body: string }>; abort(): void } {
  const start = performance.now();
  let abort = () => {};
  const done = new Promise<{ ms: number; status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${method}`, method: 'POST', headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}` } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ ms: performance.now() - start, status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    abort = () => req.destroy();
    req.end(JSON.stringify(body));
  });
  return { done, abort };
}

const small = { schema: 'modulon.scenario/1', name: 'small', duration: '3d', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' }] };
const long = {
  schema: 'modulon.scenario/1',
  name: 'long',
  duration: '260w',
  sampling: '1d',
  patient: { condition: 'depression' },
  interventions: ['sertraline', 'haloperidol', 'lithium', 'memantine', 'donepezil'].map((drug) => ({ type: 'drug', drug, dose: '5 mg', every: '24h' })),
};

describe('web host under a long run', () => {
  it('answers a small run and a health request while a long run is still going', async () => {
    const engine = workerRunner(new URL('../engine-worker.ts', import.meta.url));
    const host = await startWebHost({ backend: createBackend({ store, dataDir: dir, transport: 'http', engine }), staticDir: web });
    try {
      // Warm both workers, so start-up is not what is measured.
      await Promise.all([post(host, 'engine:simulate', { doc: small }).done, post(host, 'engine:simulate', { doc: small }).done]);
      const finished: string[] = [];
      const longRun = post(host, 'engine:simulate', { doc: long }).done.then((r) => (finished.push('long'), r));
      await new Promise((r) => setTimeout(r, 50));
      const health = await post(host, 'app:info', {}).done;
      finished.push('health');
      const smallRun = await post(host, 'engine:simulate', { doc: small }).done;
      finished.push('small');
      expect(health.ms).toBeLessThan(250);
      expect(JSON.parse(smallRun.body)).toMatchObject({ ok: true });
      expect(JSON.parse((await longRun).body)).toMatchObject({ ok: true });
      expect(finished).toEqual(['health', 'small', 'long']);
    } finally {
      await host.close();
      await engine.close();
    }
  }, 30_000);

  it('stops the run of a caller that goes away', async () => {
    const seen: string[] = [];
    const engine: EngineRunner = {
      simulate: (_doc, options) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => (seen.push('aborted'), reject(new RunStopped('cancelled', 'the run was cancelled'))));
        }),
      validate: async () => [],
      close: async () => {},
    };
    const host = await startWebHost({ backend: createBackend({ store, dataDir: dir, transport: 'http', engine }), staticDir: web });
    try {
      const call = post(host, 'engine:simulate', { doc: small });
      call.done.catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
      call.abort();
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual(['aborted']);
    } finally {
      await host.close();
    }
  });
});
