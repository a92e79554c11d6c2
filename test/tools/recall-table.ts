// Writes src-engine/data/learning/recall-table.json: the episodic-memory task's recall on the grid of
// learning/recall-table.ts (`node test/tools/recall-table.ts`, about a minute). Run it after any
// change to the attractor model or its parameters; learning/recall-table.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECALL_GRID, computeRecall } from '../../src-engine/learning/recall-table.ts';

const recall = RECALL_GRID.synapses.map((s) => RECALL_GRID.acetylcholine.map((a) => computeRecall(s, a)));
const out = { synapses: [...RECALL_GRID.synapses], acetylcholine: [...RECALL_GRID.acetylcholine], recall };
writeFileSync(join(import.meta.dirname, '../../src-engine/data/learning/recall-table.json'), `${JSON.stringify(out)}\n`);
console.log(`recall table: ${recall.length} × ${recall[0]!.length}`);
