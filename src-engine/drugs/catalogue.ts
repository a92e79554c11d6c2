// The built-in drug catalogue: data files validated against the schema when the engine loads.
import donepezil from '../data/drugs/donepezil.json' with { type: 'json' };
import escitalopram from '../data/drugs/escitalopram.json' with { type: 'json' };
import esketamine from '../data/drugs/esketamine.json' with { type: 'json' };
import fluoxetine from '../data/drugs/fluoxetine.json' with { type: 'json' };
import galantamine from '../data/drugs/galantamine.json' with { type: 'json' };
import haloperidol from '../data/drugs/haloperidol.json' with { type: 'json' };
import ketamine from '../data/drugs/ketamine.json' with { type: 'json' };
import levodopa from '../data/drugs/levodopa.json' with { type: 'json' };
import lithium from '../data/drugs/lithium.json' with { type: 'json' };
import memantine from '../data/drugs/memantine.json' with { type: 'json' };
import pramipexole from '../data/drugs/pramipexole.json' with { type: 'json' };
import risperidone from '../data/drugs/risperidone.json' with { type: 'json' };
import rivastigmine from '../data/drugs/rivastigmine.json' with { type: 'json' };
import sertraline from '../data/drugs/sertraline.json' with { type: 'json' };
import venlafaxine from '../data/drugs/venlafaxine.json' with { type: 'json' };
import { drugFileSchema, type DrugFile } from './schema.ts';

const RAW: readonly unknown[] = [donepezil, escitalopram, esketamine, fluoxetine, galantamine, haloperidol, ketamine, levodopa, lithium, memantine, pramipexole, risperidone, rivastigmine, sertraline, venlafaxine];

function load(raw: unknown): DrugFile {
  const parsed = drugFileSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
    const issue = parsed.error.issues[0];
    throw new Error(`drug data file "${id}" is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

const DRUGS: ReadonlyMap<string, DrugFile> = new Map(RAW.map(load).map((d) => [d.id, d]));

export const DRUG_IDS: readonly string[] = [...DRUGS.keys()];

export function getDrug(id: string): DrugFile | undefined {
  return DRUGS.get(id);
}

export function listDrugs(): DrugFile[] {
  return [...DRUGS.values()];
}
