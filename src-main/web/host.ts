// Web mode: serves the built renderer and the AppApi over HTTP on 127.0.0.1 only, behind a per-run
// secret token, with Host and Origin checks against DNS rebinding and cross-site requests.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import type { Backend } from '../api/app-api.ts';
import { jsonPieces } from './json-stream.ts';

export const API_PREFIX = '/api/';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Same policy as the Electron window: nothing but this origin, no inline script. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** Where problems are logged (default: console.error); refused requests take one line each. */
  log?: (line: string, error?: unknown) => void;
}

export interface WebHost {
  port: number;
  token: string;
  /** The address to open, with the token in the fragment (never sent to a server or a log). */
  url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const log = options.log ?? ((line: string, error?: unknown) => (error === undefined ? console.error(line) : console.error(line, error)));
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log('web host: internal error', e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });
  // A request Node's parser refuses (a malformed request line or header): one line, no stack.
  server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
    if (e.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    log(`web host: refused a malformed request (${e.code ?? e.message})`);
    const status = e.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden: foreign Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden: foreign Origin');
    }
    // Origin-form targets only ("/path?query"), what browsers send to a server; URL.parse never throws.
    const target = req.url ?? '';
    const url = target.startsWith('/') ? URL.parse(target, `http://${req.headers.host}`) : null;
    if (url === null) {
      log(`web host: refused a malformed request target ${JSON.stringify(target.slice(0, 100))}`);
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request: expected a path such as /index.html');
    }
    try {
      decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request: malformed URL encoding');
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'API calls are POST');
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== tokenBytes.length || !timingSafeEqual(auth, tokenBytes)) {
        return send(res, 401, 'text/plain; charset=utf-8', 'unauthorized: missing or wrong token');
      }
      const body = await readBody(req);
      if (body === undefined) return tooLarge(req, res);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, { ok: false, error: { code: 'invalid', message: 'request body is not valid JSON' } });
      }
      const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      // A caller that goes away (closed tab, cancelled fetch) stops the runs it asked for.
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      return streamJson(res, await options.backend.dispatch(method, input, { signal: gone.signal, stream: true }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return serveStatic(res, options.staticDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  res.setHeader('Cache-Control', extname(file) === '.html' ? 'no-store' : 'max-age=3600');
  send(res, 200, type, await readFile(file));
}

/** The body as text, or undefined once it passes MAX_BODY_BYTES (the rest is then left unread). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Bytes of an oversized body read and dropped after the 413, so the client reads the answer, not a reset. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

/**
 * 413 for a body over the limit. Closing at once with the body still arriving makes the client's
 * TCP stack reset the connection and lose the answer; so the answer goes first, with
 * Connection: close, and the rest of the body is read and dropped (up to 64 MB more, then the
 * socket is closed).
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  send(res, 413, 'text/plain; charset=utf-8', `request too large: at most ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARD_BYTES) req.destroy();
  });
  req.on('error', () => {});
  req.resume();
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Bytes gathered before a write; between writes the event loop takes a turn (or waits for drain). */
const WRITE_BYTES = 1 << 16;

/**
 * An answer of any size without holding the event loop: the JSON is made in pieces (json-stream.ts)
 * and written in 64 KB chunks, waiting for the socket to drain. Small answers go out in one write
 * with a Content-Length, as before.
 */
async function streamJson(res: ServerResponse, value: unknown): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  let buffer = '';
  let started = false;
  for (const piece of jsonPieces(value)) {
    buffer += piece;
    if (buffer.length < WRITE_BYTES) continue;
    if (!started) {
      started = true;
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
    }
    if (res.destroyed) return;
    const flowing = res.write(buffer);
    buffer = '';
    if (!flowing) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    // Also after a drain: 'drain' comes in the poll phase, and going on from there would starve
    // the timers and other sockets until the whole answer is out.
    await turn();
  }
  if (!started) return send(res, 200, 'application/json; charset=utf-8', buffer);
  res.end(buffer);
}
