// JSON in pieces is the same text JSON.stringify gives; chunked text is read only as pieces are taken.
import { describe, expect, it } from 'vitest';
import { ChunkedText, joinChunked } from '../api/chunked.ts';
import { jsonPieces } from './json-stream.ts';

const text = (value: unknown) => [...jsonPieces(value)].join('');

describe('JSON in pieces', () => {
  it('writes what JSON.stringify writes', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? -0 : i / 3));
    const values: unknown[] = [
      { a: 1, b: 'x', c: [1, 2, { d: null, e: undefined, f: () => 1 }], g: undefined, h: true },
      [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0],
      { series: { t: long, v: long.map((x) => x * 2) }, objects: Array.from({ length: 5000 }, (_, i) => ({ i, u: undefined })) },
      { date: new Date(0), nested: { deeper: { deepest: ['é', '"', '\n', '\u2028'] } } },
      'a string',
      42,
      null,
      [],
      {},
    ];
    for (const v of values) expect(text(v)).toBe(JSON.stringify(v));
  });

  it('cuts a long string without splitting a surrogate pair', () => {
    const s = `${'a'.repeat((1 << 16) - 1)}😀${'b'.repeat(70_000)}\u0000"\\`;
    const pieces = [...jsonPieces({ s })];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(JSON.stringify({ s }));
  });

  it('passes chunked text on as a JSON string, chunk by chunk, even with a pair split between chunks', () => {
    let made = 0;
    function* chunks() {
      for (const c of ['time_h,"x"\r\n', '1,\ud83d', '\ude00\r\n', 'end']) {
        made++;
        yield c;
      }
    }
    const pieces = jsonPieces({ ok: true, value: { filename: 'f.csv', csv: new ChunkedText(chunks()) } });
    expect(made).toBe(0);
    const all = [...pieces].join('');
    expect(made).toBe(4);
    expect(JSON.parse(all)).toEqual({ ok: true, value: { filename: 'f.csv', csv: 'time_h,"x"\r\n1,😀\r\nend' } });
    expect(all).toBe(JSON.stringify({ ok: true, value: { filename: 'f.csv', csv: 'time_h,"x"\r\n1,😀\r\nend' } }));
  });

  it('joins chunked members for callers that do not stream', async () => {
    expect(await joinChunked({ filename: 'f', csv: new ChunkedText(['a', 'b']) })).toEqual({ filename: 'f', csv: 'ab' });
    const plain = { a: 1 };
    expect(await joinChunked(plain)).toBe(plain);
    expect(await joinChunked([1])).toEqual([1]);
    expect(await joinChunked(null)).toBe(null);
  });
});
