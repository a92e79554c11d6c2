// The validation table printed by `modulon validate`, in the manner of the Pulse engine's tables.
import type { ValidationSummary as Summary } from '../src-engine/contract/app-api.ts';
import type { CaseResult } from '../src-engine/validation/run.ts';

/** The summary of each engine layer's cases (the pk layer's share is what Engine I is judged on). */
export function summarizeLayers(results: readonly CaseResult[]): Partial<Record<CaseResult['layer'], Summary>> {
  const out: Partial<Record<CaseResult['layer'], Summary>> = {};
  for (const layer of new Set(results.map((r) => r.layer))) out[layer] = summarize(results.filter((r) => r.layer === layer));
  return out;
}

const LAYER_NAMES: Record<CaseResult['layer'], string> = { pk: 'pk layer (plasma, targets)', slow: 'slow layer (transmitters, plasticity, readouts)' };

export function summarize(results: readonly CaseResult[]): Summary {
  const count = (band: CaseResult['band']) => results.filter((r) => r.band === band).length;
  const within10 = count('within 10 %');
  const within30 = count('within 30 %');
  return {
    cases: results.length,
    within10,
    within30,
    outside: count('outside'),
    failed: count('failed'),
    shareWithin30: results.length === 0 ? 0 : (within10 + within30) / results.length,
  };
}

function num(x: number | null): string {
  if (x === null) return '—';
  const a = Math.abs(x);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function validationTable(results: readonly CaseResult[], summary: Summary): string {
  const rows = results.map((r) => [
    clip(r.id, 44),
    num(r.simulated),
    r.range ? `${num(r.published)} (${num(r.range[0])}–${num(r.range[1])})` : num(r.published),
    r.unit,
    r.error === null ? '—' : `${r.error >= 0 ? '+' : ''}${(r.error * 100).toFixed(1)} %`,
    r.band === 'failed' ? `FAILED: ${r.problem}` : r.band,
    clip(`${r.source} [${r.confidence}]`, 90),
  ]);
  const head = ['case', 'simulated', 'published', 'unit', 'error', 'band', 'source'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const say = (s: Summary) => `${s.cases} cases: ${s.within10} within 10 %, ${s.within30} within 30 %, ${s.outside} outside, ${s.failed} failed; ${(s.shareWithin30 * 100).toFixed(1)} % within 30 %`;
  const layers = Object.entries(summarizeLayers(results)) as Array<[CaseResult['layer'], Summary]>;
  out.push('', `${say(summary)}.`);
  if (layers.length > 1) for (const [layer, s] of layers) out.push(`  ${LAYER_NAMES[layer]}: ${say(s)}.`);
  out.push('Educational simulation, not for clinical decisions.');
  return `${out.join('\n')}\n`;
}
