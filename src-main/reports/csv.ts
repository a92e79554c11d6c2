// The long CSV of a scenario or comparison: one row per sample, `time_h, [arm,] series, name,
// value, unit`, UTF-8 with a byte-order mark (spreadsheets then read Chinese correctly), values at
// 6 significant digits, text cells that look like formulas neutralised, and the scenario itself as
// a header block of lines whose first cell is "#" (pandas `comment="#"`, R `comment.char="#"`).
import type { ComparisonRun, ReportLang } from '../../src-engine/contract/reports.ts';
import { csvCell } from '../csv.ts';
import { seriesName } from './names.ts';
import { strings } from './strings.ts';
import { interventionWords, patientWords } from './words.ts';

export const BOM = '\uFEFF';

/** A number at 6 significant digits, as a CSV number cell ("" for NaN and infinities). */
export function csvNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Number(x.toPrecision(6));
  return Object.is(r, -0) ? '0' : String(r);
}

const line = (cells: ReadonlyArray<string | number>) => cells.map((c) => csvCell(c)).join(',');

export interface LongCsvOptions {
  lang: ReportLang;
  generatedAt: string;
  /** Only these series (default: every series of every arm). */
  series?: readonly string[];
}

const KEYS = {
  en: { report: 'report', engine: 'engine', exported: 'exported', arm: 'arm', scenario: 'scenario', columns: 'columns' },
  'zh-CN': { report: '报告', engine: '引擎版本', exported: '导出时间', arm: '组别', scenario: '情景', columns: '列' },
} as const;

const COLUMNS = {
  en: 'time_h: hours from the start; series: the engine’s id; name: in plain language; value at 6 significant digits, in unit',
  'zh-CN': 'time_h：自开始起的小时数；series：引擎中的标识；name：通俗名称；value：6 位有效数字，单位见 unit',
} as const;

/** Lines per chunk of the long CSV when streamed (~10 ms of work). */
const LINES_PER_CHUNK = 10_000;

/** The long CSV of a run (a single scenario has no arm column). */
export function longCsv(run: ComparisonRun, options: LongCsvOptions): string {
  return [...longCsvChunks(run, options)].join('');
}

/** The same CSV in chunks of about LINES_PER_CHUNK lines, for streaming. */
export function* longCsvChunks(run: ComparisonRun, options: LongCsvOptions): Generator<string> {
  const { lang } = options;
  const t = strings(lang);
  const k = KEYS[lang];
  const comparison = run.arms.length > 1;
  const out: string[] = [];
  out.push(line(['#', 'Modulon', t.notice]));
  out.push(line(['#', k.report, run.name]));
  out.push(line(['#', k.engine, run.engine]));
  out.push(line(['#', k.exported, options.generatedAt]));
  for (const a of run.arms) {
    const s = a.results.scenario;
    out.push(line(['#', comparison ? k.arm : k.scenario, a.name, patientWords(s, lang), s.interventions.map((iv) => interventionWords(iv, s, lang)).join(t.listSep) || t.noIntervention]));
  }
  out.push(line(['#', k.columns, COLUMNS[lang]]));
  out.push(comparison ? 'time_h,arm,series,name,value,unit' : 'time_h,series,name,value,unit');
  yield `${BOM}${out.join('\r\n')}\r\n`;
  out.length = 0;
  const wanted = options.series ? new Set(options.series) : undefined;
  for (const a of run.arms) {
    const armCell = comparison ? `${csvCell(a.name)},` : '';
    for (const [name, s] of Object.entries(a.results.series)) {
      if (wanted && !wanted.has(name)) continue;
      const middle = `,${armCell}${csvCell(name)},${csvCell(seriesName(name, lang, a.results.scenario))},`;
      const tail = `,${csvCell(s.unit)}`;
      for (let i = 0; i < s.t.length; i++) {
        out.push(`${csvNumber(s.t[i] as number)}${middle}${csvNumber(s.v[i] as number)}${tail}`);
        if (out.length === LINES_PER_CHUNK) {
          yield `${out.join('\r\n')}\r\n`;
          out.length = 0;
        }
      }
    }
  }
  if (out.length > 0) yield `${out.join('\r\n')}\r\n`;
}
