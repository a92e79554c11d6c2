// Plain-language names and citations of the validation cases, and what each kind of measure means,
// in English and Simplified Chinese (data/validation/plain.json), for readers who are not the
// suite's authors. The full source text and its confidence tags stay with the cases.
import { z } from 'zod';
import plain from '../data/validation/plain.json' with { type: 'json' };
import { EXPRESS, measureSchema } from './schema.ts';

const text = z.strictObject({ en: z.string().min(3), zh: z.string().min(2) });
export type PlainText = z.infer<typeof text>;

const MEASURE_KINDS: string[] = measureSchema.options.map((o) => o.shape.kind.value);

export const plainSchema = z.strictObject({
  $comment: z.string(),
  /** What each measure kind means, one sentence. */
  measures: z.record(z.string(), text).refine((m) => MEASURE_KINDS.every((k) => k in m), { error: `expected a sentence for each measure kind (${MEASURE_KINDS.join(', ')})` }),
  /** Said of a case whose value is taken against an untreated run of the same patient. */
  baseline: text,
  /** Said of a case whose value combines two runs. */
  over: z.strictObject({ ratio: text, difference: text }),
  /** Said of a case whose value is re-expressed (a level needs no sentence). */
  express: z.strictObject(Object.fromEntries(EXPRESS.filter((e) => e !== 'level').map((e) => [e, text])) as Record<Exclude<(typeof EXPRESS)[number], 'level'>, typeof text>),
  /** By case id: a plain name and the citation (author year, journal) without the suite's tags. */
  cases: z.record(z.string(), z.strictObject({ name: text, cite: z.string().min(3) })),
});
export type Plain = z.infer<typeof plainSchema>;

export function loadPlain(raw: unknown): Plain {
  const parsed = plainSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`data/validation/plain.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const PLAIN: Plain = loadPlain(plain);
