// `npm run mutate:static`: the same run with static mutants included (zod schemas, tables, help
// texts: code that runs while modules load). Each one re-runs every test of the mutation suite,
// so this takes hours; results go to reports/mutation-static/.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  ignoreStatic: false,
  incrementalFile: 'reports/mutation-static/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-static/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-static/mutation.json' },
};
