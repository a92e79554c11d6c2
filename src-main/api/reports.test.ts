// The AppApi's comparison and report methods with a real SQLite file: compare:run from stored
// scenarios and variations, comparisons saved/listed/read/deleted, refusals naming the field and
// leaving the store untouched, reports of every source in every format, PDF unavailable or printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../reports/pdf.ts';
import { openStore, type Store } from '../store/store.ts';
import { createBackend, type Backend } from './app-api.ts';

const scenario = (name: string, interventions: unknown[]) => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '3d',
  patient: { condition: 'depression', severity: 'severe', treatmentResistant: true },
  interventions,
});
const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '1d' };
const cbt = { type: 'therapy', kind: 'cbt', every: '1d', start: '1d' };

let dir: string;
let store: Store;
let backend: Backend;
let printed: Array<{ html: string; paper: string }>;
const NOW = new Date('2026-12-01T14:05:00Z');

const fakePdf: PdfPrinter = async (html, paper) => {
  printed.push({ html, paper });
  return { ok: true, pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46]) };
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modulon-api-reports-'));
  store = await openStore(dir);
  printed = [];
  backend = createBackend({ store, dataDir: dir, transport: 'http', pdf: fakePdf, now: () => NOW });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('compare:run', () => {
  it('runs stored scenarios and a variation of a base, with findings and one colour per arm', async () => {
    const alone = await value(backend.api['scenarios:save']({ doc: scenario('Ketamine alone', [ketamine]) }));
    const run = await value(
      backend.api['compare:run']({
        doc: { schema: 'modulon.comparison/1', name: 'K vs K+CBT', baseScenarioId: alone.id, arms: [{ name: 'alone' }, { name: 'with CBT', add: [cbt] }, { name: 'stored', scenarioId: alone.id }], series: ['scale.madrs'], at: ['2d'] },
      }),
    );
    expect(run.arms.map((a) => [a.name, a.colour])).toEqual([['alone', '#0072B2'], ['with CBT', '#D55E00'], ['stored', '#009E73']]);
    expect(run.series).toEqual(['scale.madrs']);
    expect(run.at).toEqual([48]);
    expect(run.thresholds['scale.madrs']).toEqual({ levels: [10], direction: 'below' });
    const madrs = run.findings[0]!;
    const { vsReference, ...stored } = madrs.arms[2]!;
    expect(stored).toEqual(madrs.arms[0]); // the stored scenario is the base
    expect(vsReference).toEqual({ steady: 0, peak: 0, at: [0] });
    expect(madrs.arms[1]!.vsReference!.steady).toBeLessThan(0); // CBT lowers MADRS
    expect(run.arms[1]!.results.scenario.interventions).toHaveLength(2);
    expect(run.adverse.map((r) => r.series)).toContain('adverse.dissociation');
  });

  it('seriesOnly returns the analysed and adverse series only', async () => {
    const run = await value(backend.api['compare:run']({ seriesOnly: true, doc: { schema: 'modulon.comparison/1', name: 'c', base: scenario('b', [ketamine]), arms: [{ name: 'a' }, { name: 'b', remove: [0] }], series: ['scale.madrs'] } }));
    expect(Object.keys(run.arms[0]!.results.series).sort()).toEqual(['adverse.dissociation', 'adverse.nausea', 'scale.madrs'].filter((n) => run.adverse.some((r) => r.series === n) || n === 'scale.madrs').sort());
    expect(run.arms[0]!.results.spectra).toBeUndefined();
  });

  it.each([
    [{ schema: 'modulon.comparison/1', name: 'c', base: scenario('b', [ketamine]), arms: [{ name: 'a' }, { name: 'b', add: [{ ...cbt, every: 'often' }] }] }, 'arms[1].add[0].every'],
    [{ schema: 'modulon.comparison/1', name: 'c', arms: [{ name: 'a', scenarioId: 'aaaaaaaa-0000' }, { name: 'b', scenario: scenario('b', []) }] }, 'arms[0].scenarioId'],
    [{ schema: 'modulon.comparison/1', name: 'c', base: scenario('b', [ketamine]), arms: [{ name: 'a' }, { name: 'b' }], series: ['scale.nope'] }, 'series[0]'],
  ])('refuses a bad comparison naming the field (%#)', async (doc, path) => {
    const r = await backend.api['compare:run']({ doc });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!r.ok && r.error.fields?.[0]?.path).toBe(path);
    expect(!r.ok && r.error.message).toMatch(new RegExp(`^comparison ${path.replace(/[[\].]/g, '\\$&')}: `));
  });
});

describe('comparisons:save|list|get|delete', () => {
  it('saves with copies of the stored scenarios, lists by scenario, refuses a bad update leaving the saved one', async () => {
    const s = await value(backend.api['scenarios:save']({ doc: scenario('Ketamine alone', [ketamine]) }));
    const doc = { schema: 'modulon.comparison/1', name: 'Saved', arms: [{ name: 'K', scenarioId: s.id }, { name: 'none', scenario: scenario('none', []) }] };
    const saved = await value(backend.api['comparisons:save']({ doc }));
    expect(saved.doc.arms[0]).toEqual({ name: 'K', scenarioId: s.id, scenario: scenario('Ketamine alone', [ketamine]) });
    expect(saved.scenarioIds).toEqual([s.id]);
    expect((await value(backend.api['comparisons:list']({ scenarioId: s.id }))).map((c) => c.name)).toEqual(['Saved']);

    const bad = await backend.api['comparisons:save']({ id: saved.id, doc: { ...doc, arms: [doc.arms[0]] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', message: 'comparison arms: expected at least 2 arms' } });
    expect((await value(backend.api['comparisons:get']({ id: saved.id }))).doc).toEqual(saved.doc);

    // The scenario goes; the comparison keeps its copy and still runs.
    await value(backend.api['scenarios:delete']({ id: s.id }));
    const report = await value(backend.api['reports:export']({ comparisonId: saved.id, format: 'csv' }));
    expect(report.content).toContain('#,arm,K,');
    expect(await value(backend.api['comparisons:delete']({ id: saved.id }))).toEqual({ deleted: true });
    expect(await backend.api['comparisons:get']({ id: saved.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('reports:export', () => {
  it('HTML of a stored scenario, CSV of a stored run, PDF of a comparison document', async () => {
    const s = await value(backend.api['scenarios:save']({ doc: scenario('Ketamine <b>alone</b>', [ketamine]) }));
    const html = await value(backend.api['reports:export']({ scenarioId: s.id, format: 'html', lang: 'zh-CN' }));
    expect(html).toMatchObject({ mime: 'text/html; charset=utf-8', encoding: 'utf8', filename: 'Ketamine-b-alone-b-zh-2026-12-01-14-05.html' });
    expect(html.content).toContain('<h1>Ketamine &lt;b&gt;alone&lt;/b&gt;</h1>');
    expect(html.content).toContain('教学模拟，不可用于临床决策。');

    const run = await value(backend.api['runs:create']({ scenarioId: s.id }));
    const csv = await value(backend.api['reports:export']({ runId: run.id, format: 'csv', analysis: { series: ['scale.madrs'] } }));
    expect(csv.content.startsWith('\uFEFF#,Modulon,')).toBe(true);
    expect(csv.content).toContain('\r\ntime_h,series,name,value,unit\r\n');

    const pdf = await value(backend.api['reports:export']({ comparison: { schema: 'modulon.comparison/1', name: 'c', base: scenario('b', [ketamine]), arms: [{ name: 'a' }, { name: 'b', add: [cbt] }] }, format: 'pdf', paper: 'letter' }));
    expect(pdf).toMatchObject({ mime: 'application/pdf', encoding: 'base64', content: 'JVBERg==' });
    expect(printed[0]?.paper).toBe('letter');
    expect(printed[0]?.html).toContain('size: letter;');
  });

  it('refuses two sources, an unknown id, bad analysis; says when PDF is unavailable', async () => {
    expect(await backend.api['reports:export']({ scenario: scenario('x', []), runId: 'aaaaaaaa', format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/exactly one of scenarioId, scenario, runId/) } });
    expect(await backend.api['reports:export']({ scenarioId: 'aaaaaaaa-0000', format: 'html' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.api['reports:export']({ scenario: scenario('x', []), format: 'html', analysis: { at: ['9d'] } })).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ path: 'analysis.at[0]' }] } });
    const plain = createBackend({ store, dataDir: dir, transport: 'http' });
    expect(await plain.api['reports:export']({ scenario: scenario('x', []), format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('runs:exportCsv keeps the wide CSV and gives the long one on request', async () => {
    const s = await value(backend.api['scenarios:save']({ doc: scenario('K', [ketamine]) }));
    const run = await value(backend.api['runs:create']({ scenarioId: s.id }));
    const wide = await value(backend.api['runs:exportCsv']({ id: run.id }));
    expect(wide.csv.startsWith('time_h,pk.ketamine.plasma (ng/mL)')).toBe(true);
    const long = await value(backend.api['runs:exportCsv']({ id: run.id, format: 'long', lang: 'zh-CN' }));
    expect(long.csv).toMatch(/\r\n0,pk\.ketamine\.plasma,氯胺酮（消旋体）血浆浓度,0,ng\/mL\r\n/);
  });
});
