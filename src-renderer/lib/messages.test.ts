// Every warning the engine can emit, and the field errors the editor can show, have a Chinese
// rendering in the catalogue: scenarios raise each warning builder, and a tripwire counts the
// builders in the engine's source so a new one cannot land without its pattern.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src-engine/scenario.ts';
import { simulate } from '../../src-engine/simulate.ts';
import { localise, patternOf, PATTERNS } from './messages.ts';

const base = (over: Record<string, unknown>) => ({ schema: 'modulon.scenario/1', name: 'w', duration: '2w', patient: { condition: 'depression' }, ...over });

const myDrug = {
  id: 'my-ssri',
  name: 'My SSRI',
  model: 'one-compartment',
  routes: ['oral'],
  CL: { value: 30, unit: 'L/h' },
  V: { value: 500, unit: 'L' },
  ka: { value: 0.8, unit: '1/h' },
  F: 0.6,
  maxDailyDose: { value: 100, unit: 'mg/day' },
  targets: { SERT: { potency: { value: 5, unit: 'ng/mL' }, emax: 0.9 } },
};

/** One scenario per warning builder, and the pattern its warning must match. */
const WARNING_SCENARIOS: Array<[string, unknown]> = [
  ['user-defined-drug', base({ customDrugs: [myDrug], interventions: [{ type: 'drug', drug: 'my-ssri', dose: '40 mg', every: '24h' }] })],
  ['labelled-maximum', base({ patient: { condition: 'alzheimers' }, interventions: [{ type: 'drug', drug: 'donepezil', dose: '50 mg', every: '24h' }] })],
  // Fluoxetine's non-linear clearance every 30 min: the fixed point converges too slowly.
  ['records-steady-state', base({ duration: '1d', interventions: [{ type: 'drug', drug: 'fluoxetine', records: [{ time: 0, amt: 1, cmt: 'depot', ii: 0.5, ss: 1 }] }] })],
  ['dbs-charge-density', base({ duration: '2d', patient: { condition: 'parkinsons' }, interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 330, amplitudeV: 6, start: '0d' }] })],
  ['tms-seizure-risk', base({ interventions: [{ type: 'tms', protocol: '10hz', target: 'left-DLPFC', intensityPctMT: 150, sessionsPerDay: 1, daysPerWeek: 5, start: '0d', stop: '1w' }] })],
  ['tdcs-beyond-trials', base({ interventions: [{ type: 'tdcs', polarity: 'anodal', target: 'left-DLPFC', currentMa: 4, minutes: 30, sessionsPerDay: 1, daysPerWeek: 5, start: '0d', stop: '1w' }] })],
  ['exposure-without-trauma', base({ patient: { condition: 'depression' }, interventions: [{ type: 'therapy', kind: 'exposure', every: '7d', count: 4 }] })],
  ['ect-beyond-course', base({ duration: '12w', interventions: [{ type: 'ect', placement: 'bitemporal', pulseWidthMs: 1, sessionsPerWeek: 3, count: 30, start: '0d' }] })],
];

/** English left in a Chinese message once paths, drug ids, citations and units are set aside. */
function englishLeft(zh: string): string[] {
  const stripped = zh
    .replace(/interventions\[\d+\]/g, '')
    .replace(/（[^）]*(?:\d{4}|label|NEJM|Brain Stimul|Review)[^）]*）/g, '') // citations in parentheses
    .replace(/；[^；]*(?:\d{4}|label)[^（）]*/g, '') // a citation after a semicolon
    .replace(/来源：.+$/, '');
  return stripped.match(/[A-Za-z]{3,}(?: [A-Za-z]{3,})+/g) ?? [];
}

describe('run warnings in Chinese', () => {
  it.each(WARNING_SCENARIOS)('%s: raised by its scenario and rendered by its pattern', (id, scenario) => {
    const out = simulate(scenario);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const warnings = out.results.warnings;
    const mine = warnings.filter((w) => patternOf(w)?.pattern.id === id);
    expect(mine.length, `no "${id}" warning among ${JSON.stringify(warnings)}`).toBeGreaterThan(0);
    for (const w of warnings) {
      const hit = patternOf(w);
      expect(hit, `no pattern for the warning: ${w}`).toBeDefined();
      expect(hit!.pattern.kind).toBe('warning');
      const zh = localise(w, 'zh');
      expect(zh).not.toBe(w);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLeft(zh), zh).toEqual([]);
      expect(localise(w, 'en')).toBe(w);
    }
  });

  it('every warning pattern has a scenario that raises it', () => {
    const covered = new Set(WARNING_SCENARIOS.map(([id]) => id));
    expect(PATTERNS.filter((p) => p.kind === 'warning').map((p) => p.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('the engine builds no warning the sweep does not know (a new builder fails here until it has a pattern and a scenario)', () => {
    // Each place the engine adds to a warnings list, by file. Adding one means adding its pattern in
    // messages.ts and its scenario above, then the count here.
    const BUILDERS: Record<string, number> = {
      'src-engine/simulate.ts': 3, // user-defined drugs, labelled maximum, exposure without a trauma memory
      'src-engine/pk/timeline.ts': 1, // records' steady state
      'src-engine/stimulation/plan.ts': 4, // DBS charge density, TMS seizure risk, tDCS and ECT beyond trials
    };
    // The engine's sources as text (Vite's glob import: the renderer's tests have no node:fs types).
    const sources = import.meta.glob(['../../src-engine/**/*.ts', '!../../src-engine/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const found: Record<string, number> = {};
    for (const [path, text] of Object.entries(sources)) {
      const n = (text.match(/warnings\.push\(|USER_DEFINED} \(/g) ?? []).length;
      if (n > 0) found[path.replace('../../', '')] = n;
    }
    expect(found).toEqual(BUILDERS);
  });
});

/** Scenarios the editor can produce that the engine refuses, one per field-error frame. */
const FIELD_SCENARIOS: unknown[] = [
  base({ duration: '0d' }),
  base({ duration: '300w' }),
  base({ duration: 'soon' }),
  base({ duration: 12 }),
  base({ sampling: '1min', duration: '200w' }),
  base({ patient: { condition: 'flu' } }),
  base({ patient: { condition: 'depression', severity: 'very' } }),
  base({ patient: { condition: 'depression', weightKg: 500 } }),
  base({ patient: { condition: 'depression', weightKg: 'heavy' } }),
  base({ name: 'n'.repeat(300) }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: 'lots', every: '24h' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '0 mg', every: '24h' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '200 g', every: '24h' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '0.5min' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h', start: '3w' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h', start: '1w', stop: '1w' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', stop: '1w' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', route: 'iv' }] }),
  base({ interventions: [{ type: 'drug', drug: 'aspirin', dose: '50 mg' }] }),
  base({ interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', formulation: 'xr' }] }),
  base({ interventions: [{ type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '0min' }] }),
  base({ interventions: [{ type: 'laser' }] }),
  base({ interventions: [{ type: 'therapy', kind: 'exposure', count: 4 }] }),
  base({ interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 300, pulseWidthUs: 60, amplitudeV: 2, start: '0d' }] }),
  base({ interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, start: '0d' }] }),
  base({ interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 450, amplitudeV: 10.5, start: '0d' }] }),
  base({ interventions: [{ type: 'tms', protocol: '20hz', target: 'left-DLPFC', start: '0d', stop: '1w' }] }),
  base({ interventions: [{ type: 'tms', protocol: '10hz', target: 'left-DLPFC', intensityPctMT: '120%', start: '0d', stop: '1w' }] }),
  base({ tasks: [{ task: 'episodic-memory', at: '9w' }] }),
  base({ tasks: [{ task: 'episodic-memory', at: '1w', items: 500 }] }),
  base({ surprise: 1 }),
];

describe('field errors in Chinese', () => {
  it('every refusal of the editor-reachable scenarios is rendered by a pattern, with no English sentence left', () => {
    const seen = new Set<string>();
    for (const s of FIELD_SCENARIOS) {
      const parsed = parseScenario(s);
      expect(parsed.ok, JSON.stringify(s)).toBe(false);
      if (parsed.ok) continue;
      for (const e of parsed.errors) {
        const hit = patternOf(e.message);
        expect(hit, `${e.path}: ${e.message}`).toBeDefined();
        seen.add(hit!.pattern.id);
        const zh = localise(e.message, 'zh');
        expect(zh, e.message).toMatch(/[\u4e00-\u9fff]/);
        expect(englishLeft(zh), `${e.message} → ${zh}`).toEqual([]);
      }
    }
    // The sweep reaches most of the field frames (a guard against a sweep that silently stops refusing).
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });

  it('renders the app’s frames around an engine message, and the message inside', () => {
    expect(localise('scenario file interventions[0].dose: expected a dose greater than zero, got "0 mg"', 'zh')).toBe('情景文件 interventions[0].dose：剂量应大于零，当前为 "0 mg"');
    expect(localise('not a JSON file (Unexpected token)', 'zh')).toBe('不是 JSON 文件（Unexpected token）');
    expect(localise('scenario abc does not exist', 'zh')).toBe('情景 abc 不存在');
    expect(localise('scenarios:run: the run was stopped after 120 s (the time limit); shorten the duration, coarsen the sampling or use fewer drugs', 'zh')).toBe('运行在 120 s 后被停止（时间上限）；请缩短时长、加大采样间隔或减少药物');
  });

  it('leaves a message it does not know as the engine wrote it', () => {
    expect(localise('something the catalogue never saw', 'zh')).toBe('something the catalogue never saw');
  });
});
