// The validation suite: every case file under data/validation, loaded and checked at start.
import { loadCases } from './run.ts';
import type { ValidationCase } from './schema.ts';

const FILES: readonly unknown[] = [];

export const VALIDATION_CASES: readonly ValidationCase[] = loadCases(FILES);
