// The web host answers only this machine's own page: token, Host and Origin are all checked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { openStore, type Store } from '../store/store.ts';
import { startWebHost, type WebHost } from './host.ts';

let dir: string;
let store: Store;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modulon-host-'));
  const web = join(dir, 'renderer');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Modulon</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  store = await openStore(join(dir, 'data'));
  host = await startWebHost({ backend: createBackend({ store, dataDir: dir, transport: 'http' }), staticDir: web, token: 'test-token' });
});
afterAll(async () => {
  await host.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP so that Host and Origin can be set to anything (fetch forbids both). */
function call(path: string, headers: Record<string, string>, method = 'POST', body = '{}'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (method === 'POST') req.end(body);
    else req.end();
  });
}

const auth = { authorization: 'Bearer test-token', 'content-type': 'application/json' };

describe('web host', () => {
  it('listens on 127.0.0.1 and prints the token in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=test-token`);
  });

  it('answers an API call with the right token, Host and Origin', async () => {
    const res = await call('/api/scenarios:list', { ...auth, origin: `http://127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
    const viaLocalhost = await call('/api/app:info', { ...auth, host: `localhost:${host.port}` });
    expect(JSON.parse(viaLocalhost.body)).toMatchObject({ ok: true, value: { transport: 'http' } });
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await call('/api/scenarios:list', { 'content-type': 'application/json' })).status).toBe(401);
    expect((await call('/api/scenarios:list', { ...auth, authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await call('/api/scenarios:list', { ...auth, authorization: 'test-token' })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await call('/api/scenarios:list', { ...auth, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/Origin/);
    expect((await call('/api/scenarios:list', { ...auth, origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) for the API and the page', async () => {
    const res = await call('/api/scenarios:list', { ...auth, host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/Host/);
    expect((await call('/', { host: 'evil.example' }, 'GET')).status).toBe(403);
  });

  it('serves the page with a CSP and never a file outside the web root', async () => {
    const page = await call('/', {}, 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await call('/../secret.txt', {}, 'GET')).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt', {}, 'GET')).status).toBe(404);
    expect((await call('/%E0%A4%A', {}, 'GET')).status).toBe(400);
    expect((await call('/api/%E0%A4%A', auth)).status).toBe(400);
  });

  it('answers bad JSON and unknown methods with an error envelope', async () => {
    expect(JSON.parse((await call('/api/scenarios:list', auth, 'POST', '{not json')).body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.parse((await call('/api/nope', auth)).body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('/api/scenarios:list', auth, 'GET')).status).toBe(405);
  });
});
