// The key-findings table as plain text for a terminal (`modulon compare`): one block per
// quantity, one line per arm, columns padded by display width (a Chinese character takes two).
import type { ComparisonRun, ReportLang, SeriesFindings } from '../../src-engine/contract/reports.ts';
import { seriesName } from './names.ts';
import { strings } from './strings.ts';
import { num, signed, span, when } from './words.ts';

/** Columns a string takes in a terminal: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

function thresholds(f: SeriesFindings, lang: ReportLang): string {
  const t = strings(lang);
  return f.thresholds
    .map((th) => `${th.direction === 'above' ? '≥' : '≤'}${num(th.level)}${t.colon}${th.firstAt === null ? t.never : `${when(th.firstAt, lang)}${t.paren(span(th.hoursBeyond, lang))}`}`)
    .join(t.listSep);
}

export function findingsText(run: ComparisonRun, lang: ReportLang = 'en'): string {
  const t = strings(lang);
  const comparison = run.arms.length > 1;
  const ref = run.arms[run.reference]?.name ?? '';
  const head = [t.arm, t.start, t.peak, t.steady, t.timeToEffect, ...run.at.map((h) => t.valueAt(when(h, lang))), ...(comparison ? [`Δ ${t.steady}`] : []), t.thresholds.replace(/\s*[(（].*$/, '')];
  const lines: string[] = [];
  const title = comparison ? `${run.name} — ${t.comparisonReport(run.arms.length)}, ${t.reference}${t.colon}${ref}` : `${run.name} — ${t.scenarioReport}`;
  lines.push(title, '');
  for (const row of [...run.findings, ...run.adverse]) {
    const rows = row.arms.map((f, i) => {
      const name = (run.arms[i] as { name: string }).name;
      if (!f) return [name, t.noSeries];
      return [
        name,
        num(f.start),
        `${num(f.peak.value)}${t.paren(when(f.peak.t, lang))}`,
        num(f.steady),
        f.timeToEffect === null ? t.never : when(f.timeToEffect, lang),
        ...f.at.map((x) => (x === null ? '—' : num(x))),
        ...(comparison ? [f.vsReference ? signed(f.vsReference.steady) : '—'] : []),
        f.thresholds.length ? thresholds(f, lang) : '—',
      ];
    });
    const widths = head.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => (r.length > k ? displayWidth(r[k] as string) : 0))));
    lines.push(`${seriesName(row.series, lang, run.arms[0]?.results.scenario)} (${row.unit})`);
    lines.push(`  ${head.map((h, k) => pad(h, widths[k] as number, k > 0 && k < head.length - 1)).join('  ')}`.trimEnd());
    for (const r of rows) lines.push(`  ${r.map((c, k) => pad(c, widths[k] as number, k > 0 && k < head.length - 1 && r.length > 2)).join('  ')}`.trimEnd());
    lines.push('');
  }
  lines.push(t.notice);
  return `${lines.join('\n')}\n`;
}
