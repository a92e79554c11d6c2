// The learning layer's finiteness sweep: every output of every task is finite over the whole state
// range (every field 0–3, random states, each condition). A sweep touches nearly every line of the
// tasks and asserts only finiteness, so the mutation runs leave it out (vitest.mutate.config.mts:
// *.sweep.test.ts); npm test runs it.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { Rng } from './random.ts';
import { runTask } from './run.ts';
import { CONDITIONS, HEALTHY_STATE, MODULATORY_FIELDS, TASK_IDS, type ModulatoryState, type TaskOutcome } from './types.ts';

const H = HEALTHY_STATE;

function finite(o: TaskOutcome): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(o.measures)) if (!Number.isFinite(v)) bad.push(`${k}=${v}`);
  for (const [k, c] of Object.entries(o.curves)) c.forEach((v, i) => Number.isFinite(v) || bad.push(`${k}[${i}]=${v}`));
  return bad;
}

function extremeStates(): ModulatoryState[] {
  const out: ModulatoryState[] = [];
  const all = (v: number): ModulatoryState => ({ ...H, ...Object.fromEntries(MODULATORY_FIELDS.map((f) => [f, v])) });
  out.push(all(0), all(3), { ...all(3), nmdaBlock: 0 }, { ...all(0), nmdaBlock: 0 });
  const rng = new Rng(2024);
  for (let k = 0; k < 6; k++) out.push({ ...H, condition: CONDITIONS[k % CONDITIONS.length]!, ...Object.fromEntries(MODULATORY_FIELDS.map((f) => [f, 3 * rng.float()])) });
  for (const f of MODULATORY_FIELDS) out.push({ ...H, [f]: 0 }, { ...H, [f]: 3 });
  return out;
}

describe('runTask over the state range', () => {
  it.each(TASK_IDS)('%s: every output is finite over the state range and for each condition', (task) => {
    const states = [...extremeStates(), ...CONDITIONS.map((condition) => ({ ...H, condition })), ...Object.values(EXAMPLE_STATES)];
    for (const s of states) {
      const o = runTask(task, {}, s, 5);
      expect(finite(o), `${task} at ${JSON.stringify(s)}`).toEqual([]);
      expect(Object.keys(o.measures).length).toBeGreaterThan(1);
    }
  });

});
