// The library's pure parts: search and sort, copy names, generated names, the working copy format.
import { describe, expect, it } from 'vitest';
import { drugSummary } from '../../src-engine/contract/app-api.ts';
import { listDrugs } from '../../src-engine/index.ts';
import { newDraft, newSession } from './draft.ts';
import { newDevice } from './devices.ts';
import { copyName, followExample, nameKey, newestCopy, readWorkingCopy, scenarioName, shownScenarios, untilNotBusy, workingCopyKey } from './library.ts';
import { fromDoc, type Draft } from './draft.ts';
import { EXAMPLES } from '../../src-engine/examples.ts';
import type { Result } from '../../src-engine/contract/app-api.ts';

const s = (name: string, condition: string, updatedAt: string) => ({ id: name, name, condition, updatedAt });
const LIST = [
  s('Sertraline 50 mg', 'depression', '2026-01-03T00:00:00Z'),
  s('Donepezil 10 mg', 'alzheimers', '2026-01-05T00:00:00Z'),
  s('ketamine + CBT', 'depression', '2026-01-01T00:00:00Z'),
  s('Levodopa 2', 'parkinsons', '2026-01-04T00:00:00Z'),
  s('Levodopa 10', 'parkinsons', '2026-01-02T00:00:00Z'),
];
const LABEL: Record<string, string> = { depression: 'Depression', alzheimers: "Alzheimer's disease", parkinsons: "Parkinson's disease" };
const shown = (q: string, sort: 'updated' | 'name' | 'condition') => shownScenarios(LIST, q, sort, (c) => LABEL[c] ?? c, 'en').map((x) => x.name);

describe('search and sort', () => {
  it('sorts by date modified (newest first), by name (numbers in order, case ignored) or by condition then name', () => {
    expect(shown('', 'updated')).toEqual(['Donepezil 10 mg', 'Levodopa 2', 'Sertraline 50 mg', 'Levodopa 10', 'ketamine + CBT']);
    expect(shown('', 'name')).toEqual(['Donepezil 10 mg', 'ketamine + CBT', 'Levodopa 2', 'Levodopa 10', 'Sertraline 50 mg']);
    expect(shown('', 'condition')).toEqual(['Donepezil 10 mg', 'ketamine + CBT', 'Sertraline 50 mg', 'Levodopa 2', 'Levodopa 10']);
  });

  it('finds every word of the query in the name or the condition as shown, ignoring case and accents', () => {
    expect(shown('LEVO', 'name')).toEqual(['Levodopa 2', 'Levodopa 10']);
    expect(shown('depression ketamine', 'name')).toEqual(['ketamine + CBT']);
    expect(shown("parkinson's 10", 'name')).toEqual(['Levodopa 10']);
    expect(shownScenarios([s('Kétamine', 'depression', '')], 'ketamine', 'name', (c) => c, 'fr')).toHaveLength(1);
    expect(shown('nothing like this', 'name')).toEqual([]);
    expect(shownScenarios(LIST, '抑郁', 'name', (c) => (c === 'depression' ? '抑郁症' : c), 'zh-CN').map((x) => x.name)).toEqual(['ketamine + CBT', 'Sertraline 50 mg']);
  });
});

describe('copy names', () => {
  it('adds (copy), then (copy 2), and copies a copy under the base name', () => {
    expect(copyName('A', ['A'], 'copy')).toBe('A (copy)');
    expect(copyName('A', ['A', 'A (copy)'], 'copy')).toBe('A (copy 2)');
    expect(copyName('A (copy)', ['A', 'A (copy)', 'A (copy 2)'], 'copy')).toBe('A (copy 3)');
    expect(copyName('情景', ['情景'], '副本')).toBe('情景 (副本)');
  });
});

describe('generated names', () => {
  const drugs = listDrugs().map(drugSummary);
  it('names the interventions and the condition, in either language', () => {
    const d = { ...newDraft(), condition: 'depression', treatmentResistant: true };
    d.rows = [{ ...d.rows[0]!, drug: 'ketamine' }];
    d.sessions = [newSession('depression')];
    expect(scenarioName(d, drugs, 'en')).toBe('Ketamine + CBT in treatment-resistant depression');
    expect(scenarioName(d, drugs, 'zh')).toBe('难治性抑郁症：氯胺酮联合认知行为治疗');
    expect(scenarioName({ ...d, rows: [], sessions: [], devices: [newDevice('dbs')], condition: 'parkinsons' }, drugs, 'en')).toBe('DBS in Parkinson’s disease');
    expect(scenarioName({ ...d, rows: [], sessions: [], condition: 'schizophrenia' }, drugs, 'en')).toBe('Schizophrenia, untreated');
    expect(scenarioName({ ...d, rows: [], sessions: [], condition: 'healthy' }, drugs, 'zh')).toBe('健康成人');
  });

  it('names a drug once however many schedules it has, and a drug it does not know by its id', () => {
    const d = newDraft();
    d.rows = [d.rows[0]!, { ...d.rows[0]!, dose: '10 mg' }, { ...d.rows[0]!, drug: 'mine' }];
    expect(scenarioName(d, drugs, 'en')).toBe('Donepezil + mine in Alzheimer’s disease');
  });

  it('keys what the name depends on, so an unchanged draft keeps its name', () => {
    const d = newDraft();
    expect(d.autoName).toBe(nameKey(d, 'en'));
    expect(d.name).toBe(scenarioName(d, drugs, 'en'));
    expect(nameKey({ ...d, condition: 'parkinsons' }, 'en')).not.toBe(d.autoName);
    expect(nameKey(d, 'zh')).not.toBe(d.autoName);
    expect(nameKey({ ...d, rows: [{ ...d.rows[0]!, dose: '10 mg' }] }, 'en')).toBe(d.autoName);
  });
});

describe('working copy', () => {
  it('reads back what was stored and ignores anything else', () => {
    const w = { v: 1, doc: { schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' } }, savedAt: '2026-01-01T00:00:00Z' };
    expect(readWorkingCopy(JSON.stringify(w))).toEqual(w);
    expect(readWorkingCopy(null)).toBeUndefined();
    expect(readWorkingCopy('{not json')).toBeUndefined();
    expect(readWorkingCopy(JSON.stringify({ ...w, v: 2 }))).toBeUndefined();
    expect(readWorkingCopy(JSON.stringify({ ...w, doc: null }))).toBeUndefined();
    expect(workingCopyKey('/data/a')).not.toBe(workingCopyKey('/data/b'));
  });
});

describe('the working copy to restore', () => {
  const at = (savedAt: string) => ({ v: 1 as const, doc: { schema: 'modulon.scenario/1', name: savedAt, duration: '1d', patient: { condition: 'healthy' } } as never, savedAt });
  it('is the newer of the backend\'s and the page-storage fallback, the backend\'s on a tie', () => {
    const a = at('2026-12-06T10:00:00.000Z');
    const b = at('2026-12-06T11:00:00.000Z');
    expect(newestCopy(a, undefined)).toBe(a);
    expect(newestCopy(undefined, b)).toBe(b);
    expect(newestCopy(a, b)).toBe(b);
    expect(newestCopy(b, a)).toBe(b);
    const tie = at('2026-12-06T10:00:00.000Z');
    expect(newestCopy(a, tie)).toBe(a);
    expect(newestCopy(undefined, undefined)).toBeUndefined();
  });
});

describe('an example and the language', () => {
  const ketamine = EXAMPLES.find((e) => e.id === 'ketamine-cbt-trd')!;
  const opened = (lang: 'en' | 'zh'): Draft => {
    const draft = fromDoc({ ...ketamine.scenario, name: ketamine.title[lang], description: ketamine.summary[lang] });
    return { ...draft, autoName: nameKey(draft, lang) };
  };

  it('an untouched example takes its name and description in the new language, and its name key with them', () => {
    const d = opened('en');
    expect(followExample(d, ketamine, 'en', 'zh')).toBe(true);
    expect([d.name, d.base?.description, d.autoName]).toEqual([ketamine.title.zh, ketamine.summary.zh, nameKey(d, 'zh')]);
    expect(followExample(d, ketamine, 'zh', 'en')).toBe(true);
    expect([d.name, d.base?.description]).toEqual([ketamine.title.en, ketamine.summary.en]);
  });

  it('an edited dose keeps following; a typed name, or one generated after a change of condition, stays', () => {
    const dosed = opened('en');
    dosed.rows[0]!.dose = '0.7 mg/kg';
    expect(followExample(dosed, ketamine, 'en', 'zh')).toBe(true);
    expect(dosed.name).toBe(ketamine.title.zh);

    const typed = opened('en');
    typed.name = 'My ketamine';
    typed.autoName = undefined;
    followExample(typed, ketamine, 'en', 'zh');
    expect(typed.name).toBe('My ketamine');
    expect(typed.base?.description).toBe(ketamine.summary.zh);

    const moved = opened('en');
    moved.condition = 'ptsd';
    const key = moved.autoName;
    followExample(moved, ketamine, 'en', 'zh');
    // The name is the generated one's to change now (DraftEditor.followName), not the example's.
    expect([moved.name, moved.autoName]).toEqual([ketamine.title.en, key]);
  });

  it('says when nothing of the example is left to follow', () => {
    const d = opened('en');
    d.name = 'Mine';
    d.autoName = undefined;
    d.base = { ...d.base!, description: 'My notes' };
    expect(followExample(d, ketamine, 'en', 'zh')).toBe(false);
    expect([d.name, d.base.description]).toEqual(['Mine', 'My notes']);
  });
});

describe('a save while a backup is restored', () => {
  const busy: Result<string> = { ok: false, error: { code: 'busy', message: 'scenarios:save: a restore of a backup is in progress' } };
  it('is tried again until it is not busy, saying it waits meanwhile', async () => {
    const answers: Array<Result<string>> = [busy, busy, { ok: true, value: 'saved' }];
    const waits: boolean[] = [];
    const slept: number[] = [];
    let calls = 0;
    const out = await untilNotBusy(async () => answers[calls++]!, { waitMs: 250, tries: 10, waiting: (on) => waits.push(on), sleep: async (ms) => void slept.push(ms) });
    expect(out).toEqual({ ok: true, value: 'saved' });
    expect(calls).toBe(3);
    expect(slept).toEqual([250, 250]);
    expect(waits.at(-1)).toBe(false);
    expect(waits.slice(0, -1).every((w) => w)).toBe(true);
  });

  it('returns another refusal at once, and the busy one after the last try', async () => {
    const invalid: Result<string> = { ok: false, error: { code: 'invalid', message: 'name: expected text' } };
    let calls = 0;
    expect(await untilNotBusy(async () => (calls++, invalid), { waitMs: 1, tries: 5, waiting: () => {}, sleep: async () => {} })).toBe(invalid);
    expect(calls).toBe(1);
    calls = 0;
    expect(await untilNotBusy(async () => (calls++, busy), { waitMs: 1, tries: 4, waiting: () => {}, sleep: async () => {} })).toBe(busy);
    expect(calls).toBe(4);
  });
});
