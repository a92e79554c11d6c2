// The web host answers only this machine's own page: token, Host and Origin are all checked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { openStore, type Store } from '../store/store.ts';
import { CSP, startWebHost, type WebHost } from './host.ts';

let dir: string;
let store: Store;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modulon-host-'));
  const web = join(dir, 'renderer');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Modulon</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  writeFileSync(join(web, 'style.css'), 'body{}');
  writeFileSync(join(web, 'blob.bin'), 'raw');
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  // A sibling whose name starts with the web root's: only a containment check with a trailing separator refuses it.
  mkdirSync(join(dir, 'renderer-private'));
  writeFileSync(join(dir, 'renderer-private', 'secret.txt'), 'sibling of the web root');
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

  it('never serves a file from a sibling folder whose name extends the web root’s', async () => {
    // The URL parser leaves %2F alone, so the path reaches the check as /../renderer-private/secret.txt.
    const res = await call('/..%2Frenderer-private%2Fsecret.txt', {}, 'GET');
    expect(res.status).toBe(404);
    expect(res.body).toBe('not found');
    expect((await call('/..%2Fsecret.txt', {}, 'GET')).status).toBe(404);
    expect((await call('/%2e%2e%2frenderer-private/secret.txt', {}, 'GET')).status).toBe(404);
  });

  it('serves files with their content type and caching, and nothing that is not a file', async () => {
    const page = await call('/index.html', {}, 'GET');
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>Modulon</title>' });
    expect(page.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const root = await call('/', {}, 'GET');
    expect(root).toMatchObject({ status: 200, body: '<!doctype html><title>Modulon</title>' });
    expect(root.headers['cache-control']).toBe('no-store');
    const js = await call('/app.js', {}, 'GET');
    expect(js).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(js.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
    expect((await call('/style.css', {}, 'GET')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await call('/blob.bin', {}, 'GET')).headers['content-type']).toBe('application/octet-stream');
    expect((await call('/assets', {}, 'GET')).status).toBe(404);
    expect((await call('/missing.js', {}, 'GET'))).toMatchObject({ status: 404, body: 'not found' });
    const head = await call('/app.js', {}, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect((await call('/app.js', {}, 'PUT')).status).toBe(405);
  });

  it('sends the same security headers on every answer', async () => {
    for (const res of [await call('/', {}, 'GET'), await call('/missing', {}, 'GET'), await call('/api/app:info', auth), await call('/api/app:info', {})]) {
      expect(res.headers).toMatchObject({
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
    const api = await call('/api/app:info', auth);
    expect(api.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  });

  it('passes the method name decoded and an empty body as {}', async () => {
    expect(JSON.parse((await call('/api/app%3Ainfo', auth, 'POST', '')).body)).toMatchObject({ ok: true, value: { transport: 'http', dataDir: dir } });
  });

  it('answers a body over 16 MB with 413 (the client reads it, no reset) without passing it on, and takes one of exactly 16 MB', async () => {
    const calls: unknown[] = [];
    const counting = await startWebHost({ backend: { api: {} as never, dispatch: async (_m, input) => (calls.push(input), { ok: true, value: null }) }, staticDir: join(dir, 'renderer'), token: 't' });
    const post = (body: string, declare = true) =>
      new Promise<string>((resolve) => {
        const headers: Record<string, string | number> = { host: `127.0.0.1:${counting.port}`, authorization: 'Bearer t' };
        if (!declare) headers['transfer-encoding'] = 'chunked';
        const req = request({ host: '127.0.0.1', port: counting.port, path: '/api/app:info', method: 'POST', headers }, (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve(`${r.statusCode} ${text}`));
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        if (declare) return void req.end(body);
        // Without a Content-Length: the limit is found while reading.
        for (let i = 0; i < body.length; i += 1 << 20) req.write(body.slice(i, i + (1 << 20)));
        req.end();
      });
    try {
      const limit = 16 * 1024 * 1024;
      expect(await post(`"${'x'.repeat(limit - 1)}"`)).toBe('413 request too large: at most 16 MB');
      expect(await post(`"${'x'.repeat(limit + 5)}"`, false)).toBe('413 request too large: at most 16 MB');
      expect(calls).toHaveLength(0);
      expect(await post(`"${'x'.repeat(limit - 2)}"`)).toBe('200 {"ok":true,"value":null}');
      expect(calls).toHaveLength(1);
      expect((calls[0] as string).length).toBe(limit - 2);
    } finally {
      await counting.close();
    }
  }, 30_000);

  it('refuses malformed requests with 400 and one line in the log, no stack', async () => {
    const logged: unknown[][] = [];
    const strict = await startWebHost({ backend: { api: {} as never, dispatch: async () => ({ ok: true, value: null }) }, staticDir: join(dir, 'renderer'), token: 't', log: (...args) => void logged.push(args) });
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(strict.port, '127.0.0.1', () => socket.end(text));
        let out = '';
        socket.on('data', (c: Buffer) => (out += c.toString()));
        socket.on('close', () => resolve(out.split('\r\n')[0] ?? ''));
      });
    const host = `Host: 127.0.0.1:${strict.port}\r\n`;
    try {
      expect(await raw(`GET http://[bad/ HTTP/1.1\r\n${host}\r\n`)).toBe('HTTP/1.1 400 Bad Request');
      expect(await raw(`GET //[ HTTP/1.1\r\n${host}\r\n`)).toBe('HTTP/1.1 400 Bad Request');
      expect(await raw('GARBAGE\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
      expect(logged).toEqual([['web host: refused a malformed request target "http://[bad/"'], ['web host: refused a malformed request target "//["'], ['web host: refused a malformed request (HPE_INVALID_METHOD)']]);
    } finally {
      await strict.close();
    }
  });

  it('answers an internal error with 500 and logs it, without the details', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    const failing = await startWebHost({ backend: { api: {} as never, dispatch: () => Promise.reject(new Error('boom')) }, staticDir: join(dir, 'renderer'), token: 't' });
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: failing.port, path: '/api/app:info', method: 'POST', headers: { host: `127.0.0.1:${failing.port}`, authorization: 'Bearer t' } }, (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end('{}');
      });
      expect(res).toEqual({ status: 500, body: 'internal error' });
      expect(String(logged[0])).toMatch(/web host: internal error/);
    } finally {
      console.error = original;
      await failing.close();
    }
  });

  it('makes a fresh token per run when none is given', async () => {
    const a = await startWebHost({ backend: createBackend({ store, dataDir: dir, transport: 'http' }), staticDir: join(dir, 'renderer') });
    const b = await startWebHost({ backend: createBackend({ store, dataDir: dir, transport: 'http' }), staticDir: join(dir, 'renderer') });
    try {
      expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(a.token).not.toBe(b.token);
      expect(a.url).toBe(`http://127.0.0.1:${a.port}/#token=${a.token}`);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers bad JSON and unknown methods with an error envelope', async () => {
    expect(JSON.parse((await call('/api/scenarios:list', auth, 'POST', '{not json')).body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.parse((await call('/api/nope', auth)).body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('/api/scenarios:list', auth, 'GET')).status).toBe(405);
  });
});
