// Example scenarios, one data file each (data/examples/*.json, `modulon.example/1`): a bilingual
// title and summary around a scenario. The app's "New from example" menu and the tests read them
// from here; the scenario inside is an ordinary `modulon.scenario/1` scenario.
import { z } from 'zod';
import dbsParkinsons from './data/examples/dbs-parkinsons.json' with { type: 'json' };
import donepezilOnOff from './data/examples/donepezil-on-off.json' with { type: 'json' };
import ectDepression from './data/examples/ect-depression.json' with { type: 'json' };
import haloperidolD2 from './data/examples/haloperidol-d2-occupancy.json' with { type: 'json' };
import itbsDepression from './data/examples/itbs-depression.json' with { type: 'json' };
import ketamineCbt from './data/examples/ketamine-cbt-trd.json' with { type: 'json' };
import levodopaWearingOff from './data/examples/levodopa-wearing-off.json' with { type: 'json' };
import pstParkinsons from './data/examples/pst-parkinsons-levodopa.json' with { type: 'json' };
import ptsdExposure from './data/examples/ptsd-exposure.json' with { type: 'json' };
import sertralineOnset from './data/examples/sertraline-slow-onset.json' with { type: 'json' };
import { CONDITIONS, parseScenario, type ScenarioInput } from './scenario.ts';

export const EXAMPLE_SCHEMA = 'modulon.example/1';

const localized = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

const exampleSchema = z.strictObject({
  schema: z.literal(EXAMPLE_SCHEMA),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The condition the example belongs to in the menu (the scenario's patient's). */
  condition: z.enum(CONDITIONS),
  title: localized,
  summary: localized,
  scenario: z.unknown(),
});

export interface Example {
  id: string;
  condition: (typeof CONDITIONS)[number];
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
  scenario: ScenarioInput;
}

/** Menu order: drugs by condition, then stimulation, then learning. */
const RAW: readonly unknown[] = [
  ketamineCbt, sertralineOnset, levodopaWearingOff, haloperidolD2, donepezilOnOff,
  dbsParkinsons, itbsDepression, ectDepression,
  pstParkinsons, ptsdExposure,
];

/** Validates one example file: the wrapper, then its scenario with the engine's own parser. */
export function loadExample(raw: unknown): Example {
  const parsed = exampleSchema.safeParse(raw);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`example file "${id}" is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const scenario = parseScenario(parsed.data.scenario);
  if (!scenario.ok) throw new Error(`example file "${id}": scenario.${scenario.errors[0]?.path}: ${scenario.errors[0]?.message}`);
  if (scenario.scenario.patient.condition !== parsed.data.condition) {
    throw new Error(`example file "${id}": condition ${parsed.data.condition} but the scenario's patient has ${scenario.scenario.patient.condition}`);
  }
  return { ...parsed.data, scenario: parsed.data.scenario as ScenarioInput };
}

export const EXAMPLES: readonly Example[] = RAW.map(loadExample);
