// Text made in chunks (a large CSV export), so that making it never holds the backend's thread:
// the web host streams the chunks as they come, other callers join them with a turn of the event
// loop between chunks.
import { setImmediate as turn } from 'node:timers/promises';

export class ChunkedText {
  /** One pass only: the chunks are made as they are read. */
  readonly chunks: Iterable<string>;
  constructor(chunks: Iterable<string>) {
    this.chunks = chunks;
  }
}

/** An output whose string members may come as chunks. */
export type Chunkable<T> = T extends object ? { [K in keyof T]: T[K] extends string ? T[K] | ChunkedText : T[K] } : T;

export async function joinChunks(text: ChunkedText): Promise<string> {
  const parts: string[] = [];
  for (const chunk of text.chunks) {
    parts.push(chunk);
    await turn();
  }
  return parts.join('');
}

/** The value with its chunked members (at the top level, where outputs put them) joined. */
export async function joinChunked(value: unknown): Promise<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!Object.values(value).some((v) => v instanceof ChunkedText)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = v instanceof ChunkedText ? await joinChunks(v) : v;
  return out;
}
