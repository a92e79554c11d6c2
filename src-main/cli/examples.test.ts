// `modulon examples`: the list in both languages and as JSON, and an exported example that
// `modulon run` accepts; an unknown id names the valid ones, a missing folder is one line, exit 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src-engine/examples.ts';
import { parseScenario } from '../../src-engine/index.ts';
import { EXIT_INVALID, EXIT_OK, main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-cli-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('modulon examples', () => {
  it('lists every example: id, condition and name, in English by default and in Chinese with --lang zh', async () => {
    const en = await cli('examples');
    expect(en.code).toBe(EXIT_OK);
    const lines = en.stdout.split('\n');
    for (const [i, e] of EXAMPLES.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^${e.id} +${e.condition} +`));
      expect(lines[i]!.endsWith(e.title.en)).toBe(true);
    }
    expect(en.stdout).toContain(`${EXAMPLES.length} examples; write one as a scenario file: modulon examples export <id>`);
    const zh = await cli('examples', '--lang', 'zh');
    expect(zh.stdout).toContain('难治性抑郁：氯胺酮联合认知行为治疗');
    expect(zh.stdout).not.toContain('Ketamine and CBT');
    expect((await cli('examples', '--lang', 'zh-CN')).stdout).toBe(zh.stdout);
  });

  it('--json gives id, condition, name and description in the chosen language', async () => {
    const out = await cli('examples', '--json', '--lang', 'zh');
    const list = JSON.parse(out.stdout) as Array<Record<string, string>>;
    expect(list.map((e) => e.id)).toEqual(EXAMPLES.map((e) => e.id));
    expect(list[0]).toEqual({ id: EXAMPLES[0]!.id, condition: EXAMPLES[0]!.condition, name: EXAMPLES[0]!.title.zh, description: EXAMPLES[0]!.summary.zh });
  });

  it('export writes a scenario file of every example that validates, named in the language; modulon run accepts one', async () => {
    for (const e of EXAMPLES) {
      const out = await cli('examples', 'export', e.id, '--lang', 'zh');
      expect(out.code).toBe(EXIT_OK);
      const doc = JSON.parse(out.stdout) as { name: string; description: string };
      expect(parseScenario(doc).ok).toBe(true);
      expect([doc.name, doc.description]).toEqual([e.title.zh, e.summary.zh]);
    }
    const file = join(dir, 'haloperidol.json');
    expect(await cli('examples', 'export', 'haloperidol-d2-occupancy', '--out', file)).toEqual({ code: EXIT_OK, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name).toBe(EXAMPLES.find((e) => e.id === 'haloperidol-d2-occupancy')!.title.en);
    const run = await cli('run', file);
    expect(run.code).toBe(EXIT_OK);
    const results = JSON.parse(run.stdout) as { schema: string; series: Record<string, unknown> };
    expect(results.schema).toBe('modulon.results/1');
    expect(Object.keys(results.series)).toContain('target.D2.occupancy');
  });

  it('refuses an unknown id naming the valid ones, a missing folder in one line, and bad words (exit 2)', async () => {
    const unknown = await cli('examples', 'export', 'ketamine');
    expect(unknown.code).toBe(EXIT_INVALID);
    expect(unknown.stderr).toBe(`modulon: examples export: there is no example "ketamine"; the examples are ${EXAMPLES.map((e) => e.id).join(', ')}\n`);
    const missing = await cli('examples', 'export', 'ketamine-cbt-trd', '--out', join(dir, 'no-such-folder', 'k.json'));
    expect(missing.code).toBe(EXIT_INVALID);
    expect(missing.stderr).toMatch(/^modulon: cannot write .*k\.json: the folder .*no-such-folder does not exist; create it first or write elsewhere \(ENOENT\)\n$/);
    expect((await cli('examples', 'export')).stderr).toMatch(/expected exactly one example id, one of ketamine-cbt-trd, /);
    expect((await cli('examples', '--lang', 'fr')).stderr).toBe('modulon: examples: --lang expected en or zh, got "fr"\n');
    expect((await cli('examples', 'show')).code).toBe(EXIT_INVALID);
    expect((await cli('examples', '--out', 'x.json')).code).toBe(EXIT_INVALID);
  });

  it('is in modulon --help and has its own --help', async () => {
    expect((await cli('--help')).stdout).toContain('modulon examples export <id> [--out FILE]');
    expect((await cli('examples', '--help')).stdout).toMatch(/^modulon examples \[--lang en\|zh\] \[--json\]/);
  });
});
