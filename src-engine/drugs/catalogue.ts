// The built-in drug catalogue: data files validated against the schema when the engine loads.
import donepezil from '../data/drugs/donepezil.json' with { type: 'json' };
import { drugFileSchema, type DrugFile } from './schema.ts';

const RAW: readonly unknown[] = [donepezil];

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
