// `modulon examples`: the example scenarios the app's gallery offers, listed, and one written out as
// a scenario file (modulon.scenario/1) named and described in the chosen language, ready for `modulon run`.
import { parseArgs } from 'node:util';
import { EXAMPLES, type Example } from '../../src-engine/examples.ts';
import { writeOutput } from './files.ts';
import { EXIT_OK, UsageError, type Io } from './io.ts';

export const EXAMPLES_HELP = `modulon examples [--lang en|zh] [--json]
modulon examples export <id> [--out FILE] [--lang en|zh]

Lists the example scenarios (the app's "New from example" gallery): id, condition and name.
"export" writes one as a scenario file (modulon.scenario/1) that modulon run, compare and report
accept, with its name and description in the chosen language.
  --lang en|zh   language of the names and descriptions (default en; zh-CN is the same as zh)
  --json         the list as JSON: id, condition, name, description
  --out FILE     write the scenario file to FILE instead of stdout
`;

type Lang = 'en' | 'zh';

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'zh' || value === 'zh-CN') return 'zh';
  throw new UsageError(`examples: --lang expected en or zh, got ${JSON.stringify(value)}`);
}

/** The example as a scenario file: the scenario, named and described in `lang`. */
export function exampleScenario(example: Example, lang: Lang): Example['scenario'] {
  return { ...example.scenario, name: example.title[lang], description: example.summary[lang] };
}

export async function examplesCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { lang: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`examples: ${e instanceof Error ? e.message : String(e)} (see modulon examples --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXAMPLES_HELP);
    return EXIT_OK;
  }
  const lang = langOf(values.lang);
  const [verb, ...rest] = positionals;
  if (verb === undefined) {
    if (values.out !== undefined) throw new UsageError('examples: --out goes with "export <id>" (see modulon examples --help)');
    io.stdout(values.json ? `${JSON.stringify(EXAMPLES.map((e) => ({ id: e.id, condition: e.condition, name: e.title[lang], description: e.summary[lang] })), null, 2)}\n` : listText(lang));
    return EXIT_OK;
  }
  if (verb !== 'export') throw new UsageError(`examples: unknown word ${JSON.stringify(verb)}; expected no word (the list) or "export <id>" (see modulon examples --help)`);
  if (values.json) throw new UsageError('examples export: --json is for the list; the scenario file is JSON already');
  if (rest.length !== 1) throw new UsageError(`examples export: expected exactly one example id, one of ${ids()}`);
  const id = rest[0] as string;
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new UsageError(`examples export: there is no example ${JSON.stringify(id)}; the examples are ${ids()}`);
  const json = `${JSON.stringify(exampleScenario(example, lang), null, 2)}\n`;
  if (values.out !== undefined) await writeOutput(values.out, json);
  else io.stdout(json);
  return EXIT_OK;
}

const ids = () => EXAMPLES.map((e) => e.id).join(', ');

function listText(lang: Lang): string {
  const width = Math.max(...EXAMPLES.map((e) => e.id.length));
  const cwidth = Math.max(...EXAMPLES.map((e) => e.condition.length));
  const rows = EXAMPLES.map((e) => `${e.id.padEnd(width)}  ${e.condition.padEnd(cwidth)}  ${e.title[lang]}`);
  const tail =
    lang === 'zh'
      ? `${EXAMPLES.length} 个示例；导出为情景文件：modulon examples export <id> [--out FILE] [--lang zh]`
      : `${EXAMPLES.length} examples; write one as a scenario file: modulon examples export <id> [--out FILE]`;
  return `${rows.join('\n')}\n\n${tail}\n`;
}
