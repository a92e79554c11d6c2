// From a comparison document or a run to report files: stored scenarios copied into the document,
// and the HTML, PDF or CSV with its file name. Shared by the AppApi and the command line.
import type { ComparisonInput, ComparisonRun, Paper, ReportFile, ReportFormat, ReportLang } from '../../src-engine/contract/reports.ts';
import type { FieldError, ScenarioInput } from '../../src-engine/index.ts';
import { longCsv } from './csv.ts';
import { reportHtml } from './html.ts';
import type { PdfPrinter } from './pdf.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Copies each stored scenario a comparison names (`baseScenarioId`, `arms[i].scenarioId`) into it
 * (`base`, `arms[i].scenario`) unless a copy is already there. Returns the document and the ids of
 * the stored scenarios it came from; a name that is not stored is refused at its field.
 */
export function copyStoredScenarios(
  doc: unknown,
  lookup: (id: string) => ScenarioInput | undefined,
): { ok: true; doc: unknown; scenarioIds: string[] } | { ok: false; errors: FieldError[] } {
  if (!isObject(doc)) return { ok: true, doc, scenarioIds: [] };
  const errors: FieldError[] = [];
  const ids: string[] = [];
  const out: Record<string, unknown> = { ...doc };
  const take = (id: unknown, path: string): ScenarioInput | undefined => {
    if (typeof id !== 'string') return undefined;
    const found = lookup(id);
    if (found) ids.push(id);
    else errors.push({ path, message: `no stored scenario has the id ${JSON.stringify(id)}` });
    return found;
  };
  if (doc.baseScenarioId !== undefined && doc.base === undefined) {
    const base = take(doc.baseScenarioId, 'baseScenarioId');
    if (base) out.base = base;
  } else if (typeof doc.baseScenarioId === 'string' && lookup(doc.baseScenarioId)) ids.push(doc.baseScenarioId);
  if (Array.isArray(doc.arms)) {
    out.arms = doc.arms.map((arm: unknown, i) => {
      if (!isObject(arm) || arm.scenarioId === undefined) return arm;
      if (arm.scenario !== undefined) {
        if (typeof arm.scenarioId === 'string' && lookup(arm.scenarioId)) ids.push(arm.scenarioId);
        return arm;
      }
      const found = take(arm.scenarioId, `arms[${i}].scenarioId`);
      return found ? { ...arm, scenario: found } : arm;
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, doc: out, scenarioIds: [...new Set(ids)] };
}

/** A file name from the report's name: letters, digits and dashes, then the date. */
export function reportFilename(name: string, generatedAt: string, ext: string): string {
  const base = name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report';
  return `${base}-${generatedAt.slice(0, 16).replace(/[:T]/g, '-')}.${ext}`;
}

export interface RenderOptions {
  format: ReportFormat;
  lang: ReportLang;
  paper: Paper;
  generatedAt: string;
  /** The comparison's base, for describing variations. */
  base?: ComparisonInput['base'];
  /** Needed for PDF; without one, PDF is unavailable. */
  pdf?: PdfPrinter;
}

export type RenderOutcome = { ok: true; file: ReportFile } | { ok: false; code: 'unavailable'; message: string };

export async function renderReport(run: ComparisonRun, options: RenderOptions): Promise<RenderOutcome> {
  const { format, lang, generatedAt } = options;
  const suffix = lang === 'zh-CN' ? '-zh' : '';
  const filename = (ext: string) => reportFilename(`${run.name}${suffix}`, generatedAt, ext);
  if (format === 'csv') return { ok: true, file: { filename: filename('csv'), mime: 'text/csv; charset=utf-8', encoding: 'utf8', content: longCsv(run, { lang, generatedAt }) } };
  const html = reportHtml(run, { lang, generatedAt, ...(format === 'pdf' ? { paper: options.paper } : {}), ...(options.base === undefined ? {} : { base: options.base }) });
  if (format === 'html') return { ok: true, file: { filename: filename('html'), mime: 'text/html; charset=utf-8', encoding: 'utf8', content: html } };
  if (!options.pdf) return { ok: false, code: 'unavailable', message: 'PDF export is not available here: export the HTML report and print it from a browser' };
  const printed = await options.pdf(html, options.paper);
  if (!printed.ok) return { ok: false, code: 'unavailable', message: printed.message };
  return { ok: true, file: { filename: filename('pdf'), mime: 'application/pdf', encoding: 'base64', content: Buffer.from(printed.pdf).toString('base64') } };
}
