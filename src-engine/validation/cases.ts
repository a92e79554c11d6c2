// The validation suite: every case file under data/validation, loaded and checked at start.
import antidepressants from '../data/validation/antidepressants.json' with { type: 'json' };
import dementiaParkinson from '../data/validation/dementia-parkinson.json' with { type: 'json' };
import ketamineAntipsychoticsLithium from '../data/validation/ketamine-antipsychotics-lithium.json' with { type: 'json' };
import neuro from '../data/validation/neuro.json' with { type: 'json' };
import circuits from '../data/validation/circuits.json' with { type: 'json' };
import learning from '../data/validation/learning.json' with { type: 'json' };
import { loadCases } from './run.ts';
import type { ValidationCase } from './schema.ts';

const FILES: readonly unknown[] = [dementiaParkinson, antidepressants, ketamineAntipsychoticsLithium, neuro, circuits, learning];

export const VALIDATION_CASES: readonly ValidationCase[] = loadCases(FILES);

import effects from '../data/validation/effects.json' with { type: 'json' };
import { loadEffects, type EffectsFile } from './effects.ts';

/** The effect matrix: drug × condition cells with their evidence, and the pairs without any. */
export const EFFECT_MATRIX: EffectsFile = loadEffects(effects);
