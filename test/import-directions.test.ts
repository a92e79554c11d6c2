// DESIGN.md §1 as a check that fails: "Bad layering" when a room imports across a wrong boundary.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
type Room = 'src-engine' | 'src-main' | 'electron' | 'src-renderer';

/** Rooms each room may import by relative path (its own room always). */
const MAY_IMPORT: Record<Room, Room[]> = {
  'src-engine': [],
  'src-main': ['src-engine'],
  electron: ['src-main', 'src-engine'],
  'src-renderer': ['src-engine'],
};

/** Packages each room may import by name. */
const PACKAGES: Record<Room, (spec: string) => boolean> = {
  'src-engine': (s) => s === 'zod',
  'src-main': (s) => s !== 'electron' && !s.startsWith('electron/'),
  electron: () => true,
  'src-renderer': (s) => !s.startsWith('node:') && s !== 'electron' && s !== 'better-sqlite3',
};

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

export function violations(room: Room, file: string, text: string): string[] {
  const out: string[] = [];
  const isTest = /\.(test|spec)\.ts$/.test(file);
  for (const m of text.matchAll(SPEC)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) {
      const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).split(sep)[0] as Room;
      if (target !== room && !MAY_IMPORT[room].includes(target)) out.push(`${file}: Bad layering. ${room} may not import ${spec} (${target})`);
    } else if (!isTest && !PACKAGES[room](spec)) {
      out.push(`${file}: Bad layering. ${room} may not import the package ${spec}`);
    }
  }
  if (room === 'src-engine' && !isTest) {
    if (/\bMath\.random\s*\(/.test(text)) out.push(`${file}: the engine is seeded; Math.random is not allowed`);
    if (/\b(document|window|process|globalThis\.process)\.\w/.test(text)) out.push(`${file}: the engine may not touch the DOM or Node globals`);
  }
  return out;
}

function filesOf(room: Room): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(ts|svelte|cjs|mts)$/.test(e.name)) out.push(rel);
    }
  };
  walk(room);
  return out;
}

describe('import directions (DESIGN.md §1)', () => {
  it.each(Object.keys(MAY_IMPORT) as Room[])('%s imports only what it may', (room) => {
    const files = filesOf(room);
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => violations(room, f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches each kind of bad layering', () => {
    expect(violations('src-engine', 'src-engine/x.ts', "import { readFile } from 'node:fs';")).toHaveLength(1);
    expect(violations('src-engine', 'src-engine/x.ts', "import { a } from '../src-main/a.ts';")).toHaveLength(1);
    expect(violations('src-engine', 'src-engine/x.ts', 'const r = Math.random();')).toHaveLength(1);
    expect(violations('src-engine', 'src-engine/x.ts', 'document.title = "x";')).toHaveLength(1);
    expect(violations('src-main', 'src-main/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(violations('src-main', 'src-main/x.ts', "const e = require('electron');")).toHaveLength(1);
    expect(violations('src-renderer', 'src-renderer/x.ts', "import { serve } from '../src-main/web/serve.ts';")).toHaveLength(1);
    expect(violations('src-renderer', 'src-renderer/lib/x.ts', "import type { Store } from '../../src-main/store/store.ts';")).toHaveLength(1);
    expect(violations('src-renderer', 'src-renderer/x.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(violations('src-renderer', 'src-renderer/x.ts', "import { run } from '../src-engine/index.ts';")).toEqual([]);
    expect(violations('electron', 'electron/x.ts', "import App from '../src-renderer/App.svelte';")).toHaveLength(1);
  });
});
