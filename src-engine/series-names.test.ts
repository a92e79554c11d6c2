// Every series the engine can emit has a plain-language name in both languages: each example
// scenario, every condition with every built-in drug (by each of its routes), each device, therapy
// kind and learning task, run here; a new series fails until src-engine/series-names.ts names it.
import { describe, expect, it } from 'vitest';
import { listDrugs } from './drugs/catalogue.ts';
import { EXAMPLES } from './examples.ts';
import { TASK_IDS } from './learning/types.ts';
import { CONDITIONS, THERAPY_KINDS } from './scenario.ts';
import { seriesLabel, SERIES_NAMES, seriesNameTable, taskMeasureTable } from './series-names.ts';
import { simulate } from './simulate.ts';

const scenario = (condition: string, interventions: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: 'modulon.scenario/1',
  name: 'names',
  duration: '2d',
  sampling: '6h',
  patient: { condition },
  interventions,
  ...extra,
});

function emitted(): Map<string, string> {
  const ids = new Map<string, string>();
  const run = (what: string, s: unknown) => {
    const out = simulate(s);
    if (!out.ok) throw new Error(`${what}: ${JSON.stringify(out.errors)}`);
    for (const id of Object.keys(out.results.series)) if (!ids.has(id)) ids.set(id, what);
  };
  for (const e of EXAMPLES) run(`example ${e.id}`, e.scenario);
  for (const d of listDrugs()) {
    for (const route of Object.keys(d.routes)) {
      for (const condition of CONDITIONS) {
        run(`${d.id} ${route} in ${condition}`, scenario(condition, [{ type: 'drug', drug: d.id, route, dose: '1 mg', every: '24h' }]));
      }
    }
  }
  for (const kind of THERAPY_KINDS) run(`therapy ${kind}`, scenario('ptsd', [{ type: 'therapy', kind, every: '1w', start: '0d' }], { duration: '2w' }));
  run('tdcs', scenario('depression', [{ type: 'tdcs', polarity: 'anodal', target: 'left-DLPFC', currentMa: 2, minutes: 20, sessionsPerDay: 1, daysPerWeek: 5, start: '0d', stop: '1w' }], { duration: '1w' }));
  run('tms', scenario('depression', [{ type: 'tms', protocol: '10hz', target: 'left-DLPFC', start: '0d', stop: '1w' }], { duration: '1w' }));
  for (const task of TASK_IDS) run(`task ${task}`, scenario('healthy', [], { tasks: [{ task, at: '1d' }] }));
  return ids;
}

describe('series names', () => {
  const ids = emitted();

  it('reaches the families the engine emits (a sweep that silently stops running would pass empty)', () => {
    const families = new Set([...ids.keys()].map((id) => id.split('.')[0]));
    for (const f of ['pk', 'target', 'nt', 'scale', 'adverse', 'plasticity', 'eeg', 'lfp', 'stim', 'therapy', 'task']) expect(families, f).toContain(f);
    expect(ids.size).toBeGreaterThan(120);
  });

  it('names every emitted series in English and in Chinese', () => {
    const missing: string[] = [];
    for (const [id, where] of ids) {
      const en = seriesLabel(id, 'en');
      const zh = seriesLabel(id, 'zh');
      // A zh name is Chinese, or an abbreviation read alike in both languages (BDNF).
      if (!en || !zh || en === id || zh === id || !(/[\u4e00-\u9fff]/.test(zh) || /^[A-Za-z0-9-]+$/.test(zh))) missing.push(`${id} (from ${where}): ${en} / ${zh}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps no fixed name the engine no longer emits, and none empty', () => {
    const stale = Object.keys(SERIES_NAMES).filter((id) => !ids.has(id));
    expect(stale).toEqual([]);
    for (const [id, [en, zh]] of Object.entries(SERIES_NAMES)) {
      expect(en.trim(), id).not.toBe('');
      expect(zh, id).toMatch(/[\u4e00-\u9fff]|^[A-Za-z0-9-]+$/);
    }
  });

  it('composes drug and target names, and a custom drug through the caller', () => {
    expect(seriesLabel('pk.ketamine.plasma', 'en')).toBe('Ketamine (racemic), plasma concentration');
    expect(seriesLabel('pk.norketamine.plasma', 'zh')).toBe('去甲氯胺酮血浆浓度');
    expect(seriesLabel('target.D2.occupancy', 'zh')).toBe('D2 占有率');
    expect(seriesLabel('pk.my-drug.plasma', 'en', (id) => (id === 'my-drug' ? 'My drug' : undefined))).toBe('My drug, plasma concentration');
    expect(seriesLabel('pk.nothing.plasma', 'en')).toBeUndefined();
    expect(seriesLabel('made.up', 'zh')).toBeUndefined();
  });

  it('gives the app the same fixed names in both languages', () => {
    expect(Object.keys(seriesNameTable('zh')).sort()).toEqual(Object.keys(seriesNameTable('en')).sort());
    expect(taskMeasureTable('en')['fear-conditioning.test_A']).toBe(SERIES_NAMES['task.fear-conditioning.test_A']?.[0]);
  });
});
