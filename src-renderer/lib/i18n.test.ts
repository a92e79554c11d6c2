// The two string tables have the same keys, recursively, and no empty value; each function gives a
// non-empty string in both languages; the choice of language is kept for the next start.
import { beforeAll, describe, expect, it } from 'vitest';

// i18n.svelte.ts uses Svelte's runes, which only the Svelte compiler turns into code; under plain
// Node they are stood in by identity functions (the tables are plain data).
type Runes = { $state: <T>(v: T) => T; $derived: <T>(v: T) => T };
const g = globalThis as unknown as Partial<Runes> & { localStorage?: Storage };

let mod: typeof import('./i18n.svelte.ts');
const store = new Map<string, string>();

beforeAll(async () => {
  g.$state = <T>(v: T) => v;
  g.$derived = <T>(v: T) => v;
  g.localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
    clear: () => store.clear(),
    key: () => null,
    length: 0,
  };
  mod = await import('./i18n.svelte.ts');
});

/** Sample arguments for a function-valued string, by its arity (numbers work for every current one). */
const call = (f: (...a: never[]) => unknown) => (f as (...a: unknown[]) => unknown)(...Array.from({ length: f.length }, (_, i) => (i === 0 ? 3 : 2)));

/** Values empty in both languages on purpose, with the reason. */
const EMPTY_ON_PURPOSE: Record<string, string> = {
  't.measureUnits.fraction': 'task measures in fractions are shown in %, with no unit word after them',
};

/** Paths where the two tables differ in shape, or where a value is empty. */
function compare(en: unknown, zh: unknown, path: string, out: string[]): void {
  if (typeof en === 'function' || typeof zh === 'function') {
    if (typeof en !== 'function' || typeof zh !== 'function') return void out.push(`${path}: a function in one language only`);
    if (en.length !== zh.length) out.push(`${path}: ${en.length} arguments in English, ${zh.length} in Chinese`);
    for (const [lang, f] of [['en', en], ['zh', zh]] as const) {
      const v = call(f as (...a: never[]) => unknown);
      if (typeof v !== 'string' || v.trim() === '') out.push(`${path} (${lang}): gives ${JSON.stringify(v)}`);
    }
    return;
  }
  if (typeof en === 'string' || typeof zh === 'string') {
    if (typeof en !== 'string' || typeof zh !== 'string') return void out.push(`${path}: a string in one language only`);
    if (path in EMPTY_ON_PURPOSE && en === '' && zh === '') return;
    if (en.trim() === '') out.push(`${path} (en): empty`);
    if (zh.trim() === '') out.push(`${path} (zh): empty`);
    return;
  }
  if (typeof en === 'object' && en !== null && typeof zh === 'object' && zh !== null) {
    const a = en as Record<string, unknown>;
    const b = zh as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a)) out.push(`${path}.${k}: missing in English`);
      else if (!(k in b)) out.push(`${path}.${k}: missing in Chinese`);
      else compare(a[k], b[k], `${path}.${k}`, out);
    }
    return;
  }
  out.push(`${path}: ${typeof en} in English, ${typeof zh} in Chinese`);
}

/** English prose left in the Chinese table: a value equal to the English one with three or more words. */
function untranslated(en: unknown, zh: unknown, path: string, out: string[]): void {
  if (typeof en === 'string' && en === zh && /[A-Za-z]{3,}(?:[ ,]+[A-Za-z]{2,}){2,}/.test(en)) out.push(`${path}: ${en}`);
  else if (typeof en === 'function' && typeof zh === 'function') {
    const a = call(en as (...a: never[]) => unknown);
    if (a === call(zh as (...a: never[]) => unknown) && typeof a === 'string' && /[A-Za-z]{3,} [A-Za-z]{3,}/.test(a)) out.push(`${path}(): ${a}`);
  } else if (typeof en === 'object' && en !== null && typeof zh === 'object' && zh !== null) {
    for (const k of Object.keys(en)) untranslated((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
}

describe('the string tables', () => {
  it('have the same keys in both languages, recursively, and no empty value', () => {
    const problems: string[] = [];
    compare(mod.TABLES.en, mod.TABLES.zh, 't', problems);
    expect(problems).toEqual([]);
  });

  it('catch a missing key and an empty value (the check itself can fail)', () => {
    const problems: string[] = [];
    compare({ a: 'x', b: { c: 'y', d: (n: number) => `${n}` } }, { a: '', b: { d: () => '' } }, 't', problems);
    expect(problems).toEqual(['t.a (zh): empty', 't.b.c: missing in Chinese', 't.b.d: 1 arguments in English, 0 in Chinese', 't.b.d (zh): gives ""']);
  });

  it('hold no English sentence copied into the Chinese table', () => {
    const problems: string[] = [];
    untranslated(mod.TABLES.en, mod.TABLES.zh, 't', problems);
    expect(problems).toEqual([]);
  });
});

describe('the language choice', () => {
  it('is kept in localStorage by set() and toggle()', () => {
    const { i18n, LANG_KEY } = mod;
    i18n.set('zh');
    expect(store.get(LANG_KEY)).toBe('zh');
    i18n.toggle();
    expect(i18n.lang).toBe('en');
    expect(store.get(LANG_KEY)).toBe('en');
  });
});
