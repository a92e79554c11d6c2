// JSON written in pieces, so a large answer (a run's results, a CSV export) leaves the host's event
// loop free between pieces: the same text JSON.stringify gives, with long arrays and strings cut
// into slices and chunked text (ChunkedText) passed on as it is made.
import { ChunkedText } from '../api/chunked.ts';

/** Elements per slice of a long array; characters per slice of a long string. */
const ARRAY_SLICE = 4096;
const STRING_SLICE = 1 << 16;

function isPrimitiveArray(a: readonly unknown[]): boolean {
  for (const x of a) if (typeof x === 'object' && x !== null) return false;
  return true;
}

/** A string's JSON text without its quotes. */
const escaped = (s: string) => JSON.stringify(s).slice(1, -1);

/** Where to cut text at or before `at` without splitting a surrogate pair. */
function cut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const c = text.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

function* pieces(input: unknown, key: string): Generator<string | ChunkedText> {
  let value = input;
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(k: string): unknown }).toJSON(key);
  if (value instanceof ChunkedText) {
    yield value;
  } else if (typeof value === 'string' && value.length > STRING_SLICE) {
    yield '"';
    for (let i = 0; i < value.length; ) {
      const end = cut(value, i + STRING_SLICE);
      yield escaped(value.slice(i, end));
      i = end;
    }
    yield '"';
  } else if (Array.isArray(value)) {
    if (value.length > ARRAY_SLICE) {
      // Elements of a long array go to JSON.stringify a slice at a time (it maps undefined to null).
      yield '[';
      for (let i = 0; i < value.length; i += ARRAY_SLICE) yield `${i === 0 ? '' : ','}${JSON.stringify(value.slice(i, i + ARRAY_SLICE)).slice(1, -1)}`;
      yield ']';
    } else if (isPrimitiveArray(value)) {
      yield JSON.stringify(value);
    } else {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) yield ',';
        const x: unknown = value[i];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') yield 'null';
        else yield* pieces(x, String(i));
      }
      yield ']';
    }
  } else if (typeof value === 'object' && value !== null) {
    yield '{';
    let first = true;
    for (const [k, x] of Object.entries(value)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(x, k);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/** The JSON text of `value` in pieces; chunked text is read (made) only as the pieces are taken. */
export function* jsonPieces(value: unknown): Generator<string> {
  for (const piece of pieces(value, '')) {
    if (!(piece instanceof ChunkedText)) {
      yield piece;
      continue;
    }
    yield '"';
    let carry = '';
    for (const chunk of piece.chunks) {
      // A chunk may end inside a surrogate pair: its first half waits for the next chunk.
      const text = carry + chunk;
      const last = text.charCodeAt(text.length - 1);
      const end = last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
      yield escaped(text.slice(0, end));
      carry = text.slice(end);
    }
    yield `${escaped(carry)}"`;
  }
}
