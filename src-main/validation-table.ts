// The validation table printed by `modulon validate`, in the manner of the Pulse engine's tables,
// and the effect matrix as a drug × condition grid.
import type { EffectsReport, EffectsSummary, ValidationSummary as Summary } from '../src-engine/contract/app-api.ts';
import { EFFECT_MATRIX } from '../src-engine/validation/cases.ts';
import { gridOf, runEffect, type EffectResult } from '../src-engine/validation/effects.ts';
import type { CaseResult } from '../src-engine/validation/run.ts';

/** The summary of each engine layer's cases (the pk layer's share is what Engine I is judged on). */
export function summarizeLayers(results: readonly CaseResult[]): Partial<Record<CaseResult['layer'], Summary>> {
  const out: Partial<Record<CaseResult['layer'], Summary>> = {};
  for (const layer of new Set(results.map((r) => r.layer))) out[layer] = summarize(results.filter((r) => r.layer === layer));
  return out;
}

const LAYER_NAMES: Record<CaseResult['layer'], string> = { pk: 'pk layer (plasma, targets)', slow: 'slow layer (transmitters, plasticity, readouts)', circuits: 'circuits and devices (beta, EEG, DBS, TMS, tDCS, ECT)', learning: 'learning and memory (paradigms, therapy as learning, sleep replay)' };

const inBand = (r: CaseResult) => r.band === 'in range' || r.band === 'within 10 %' || r.band === 'within 30 %';

export function summarize(results: readonly CaseResult[]): Summary {
  const count = (band: CaseResult['band']) => results.filter((r) => r.band === band).length;
  const independent = results.filter((r) => r.independence === 'independent');
  const independentInBand = independent.filter(inBand).length;
  return {
    cases: results.length,
    inRange: count('in range'),
    within10: count('within 10 %'),
    within30: count('within 30 %'),
    outside: count('outside'),
    failed: count('failed'),
    shareWithin30: results.length === 0 ? 0 : results.filter(inBand).length / results.length,
    independent: independent.length,
    independentInBand,
    shareIndependentInBand: independent.length === 0 ? 0 : independentInBand / independent.length,
  };
}

/** Runs the effect matrix (one drug's cells, if given). */
export function effectsReport(drug?: string): EffectsReport {
  const cells = EFFECT_MATRIX.cells.filter((c) => drug === undefined || c.drug === drug).map(runEffect);
  return { summary: summarizeEffects(cells), cells, noEvidence: EFFECT_MATRIX.noEvidence.filter((n) => drug === undefined || n.drug === drug) };
}

export function summarizeEffects(cells: readonly EffectResult[]): EffectsSummary {
  const count = (v: EffectResult['verdict']) => cells.filter((c) => c.verdict === v).length;
  const independent = cells.filter((c) => c.independence === 'independent');
  return {
    cells: cells.length,
    negative: cells.filter((c) => c.control === 'negative').length,
    inBand: count('in band'),
    near: count('near'),
    outside: count('outside'),
    failed: count('failed'),
    shareInBand: cells.length === 0 ? 0 : count('in band') / cells.length,
    independent: independent.length,
    independentInBand: independent.filter((c) => c.verdict === 'in band').length,
  };
}

function num(x: number | null): string {
  if (x === null) return '—';
  const a = Math.abs(x);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

function table(head: string[], rows: string[][], right: readonly number[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Where a value sits: its position inside the range, or its distance from the point or the range's nearer edge. */
function where(r: CaseResult): string {
  if (r.error === null || r.fromEdge === null) return '—';
  if (r.position !== undefined) return `at ${Math.round(r.position * 100)} % of range (${pct(r.error)} of point)`;
  return r.range ? `${pct(r.fromEdge)} from edge` : pct(r.error);
}

const IND = { independent: 'indep.', consistency: 'consist.', calibration: 'calib.' } as const;

export function validationTable(results: readonly CaseResult[], summary: Summary, effects?: EffectsReport): string {
  const rows = results.map((r) => [
    clip(r.id, 44),
    num(r.simulated),
    r.range ? `${num(r.published)} (${num(r.range[0])}–${num(r.range[1])})` : num(r.published),
    r.unit,
    where(r),
    r.band === 'failed' ? `FAILED: ${r.problem}` : r.band,
    IND[r.independence],
    clip(`${r.source} [${r.confidence}]`, 80),
  ]);
  const out = table(['case', 'simulated', 'published', 'unit', 'agreement', 'band', 'comparator', 'source'], rows, [1]);
  const say = (s: Summary) =>
    `${s.cases} cases: ${s.inRange} in range, ${s.within10} within 10 %, ${s.within30} within 30 %, ${s.outside} outside, ${s.failed} failed; ` +
    `independent comparators ${s.independentInBand} of ${s.independent} in band (${(s.shareIndependentInBand * 100).toFixed(1)} %)`;
  const layers = Object.entries(summarizeLayers(results)) as Array<[CaseResult['layer'], Summary]>;
  out.push('', `${say(summary)}.`);
  if (layers.length > 1) for (const [layer, s] of layers) out.push(`  ${LAYER_NAMES[layer]}: ${say(s)}.`);
  if (effects) out.push('', ...effectsTable(effects));
  out.push('Educational simulation, not for clinical decisions.');
  return `${out.join('\n')}\n`;
}

const MARK = { 'in band': '●', near: '◐', outside: '✗', failed: '!' } as const;

/** The matrix as a grid (● in band, ◐ near, ✗ outside; the worst cell of the pair), then the misses with their notes. */
export function effectsTable(e: EffectsReport): string[] {
  const conditions = [...new Set(e.cells.map((c) => c.condition))];
  const grid = gridOf(e.cells);
  const rows = [...grid.entries()].map(([drug, row]) => [drug, ...conditions.map((c) => (row.has(c) ? MARK[row.get(c)!] : '·'))]);
  const s = e.summary;
  const out = [
    'Effect matrix (drug arm − untreated or comparator arm, at a trial-like time): ● in band  ◐ near  ✗ outside  · no cell',
    ...table(['drug', ...conditions], rows, []),
    '',
    `${s.cells} cells (${s.negative} negative controls): ${s.inBand} in band, ${s.near} near, ${s.outside} outside, ${s.failed} failed; ${(s.shareInBand * 100).toFixed(1)} % in band` +
      ` (independent: ${s.independentInBand} of ${s.independent}); ${e.noEvidence.length} drug × condition pairs without evidence either way are listed, not invented.`,
  ];
  const misses = e.cells.filter((c) => c.verdict !== 'in band');
  if (misses.length) {
    out.push('', 'Cells out of band:');
    for (const c of misses) out.push(`  ${c.verdict === 'failed' ? `! ${c.id}: ${c.problem}` : `${MARK[c.verdict]} ${c.id}: ${num(c.simulated)} vs ${num(c.expected)} (${num(c.range[0])} to ${num(c.range[1])}) ${c.unit}. ${c.note ?? 'NO NOTE'}`}`);
  }
  return out;
}
