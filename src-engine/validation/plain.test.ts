// Every validation case has a plain name in both languages and a citation free of the suite's
// internal tags; every measure kind has its sentence.
import { describe, expect, it } from 'vitest';
import { VALIDATION_CASES } from './cases.ts';
import { loadPlain, PLAIN } from './plain.ts';

describe('plain names and citations of the validation cases', () => {
  it('cover every case, and only known cases', () => {
    const ids = VALIDATION_CASES.map((c) => c.id);
    expect(ids.filter((id) => !(id in PLAIN.cases)), 'cases without a plain name in data/validation/plain.json').toEqual([]);
    expect(Object.keys(PLAIN.cases).filter((id) => !ids.includes(id)), 'plain names of cases that do not exist').toEqual([]);
  });

  it('name each case in Chinese with Chinese characters and in English without the case id', () => {
    for (const [id, p] of Object.entries(PLAIN.cases)) {
      expect(p.name.zh, id).toMatch(/[\u4e00-\u9fff]/);
      expect(p.name.en, id).not.toContain(id);
      expect(p.name.en.length, id).toBeLessThanOrEqual(90);
    }
  });

  it('cite sources as author/year or label, with none of the suite’s confidence tags or internal references', () => {
    for (const [id, p] of Object.entries(PLAIN.cases)) {
      expect(p.cite, id).not.toMatch(/✓|\bRec\b|\bDer\b|pharmacology\.md|models\.md|reference [A-Z]\d|not re-read|abstract checked|\[(?:[RPL]✓|Der|Rec)/);
      expect(p.cite, id).toMatch(/\b(1[89]|20)\d{2}\b|label|SmPC|product information|monograph|word-list|bioequivalence|Table/i);
      expect(p.cite.length, id).toBeLessThanOrEqual(140);
    }
  });

  it('refuses a file missing a measure kind’s sentence', () => {
    const { peak: _, ...measures } = PLAIN.measures;
    expect(() => loadPlain({ ...PLAIN, measures })).toThrow(/measure kind/);
  });
});
