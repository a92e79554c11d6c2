// Display names of the results' series in English and Simplified Chinese, spread into the app's
// tables in i18n.svelte.ts: read from the engine's one bilingual source (src-engine/series-names.ts),
// which reports and the long CSV read too, so the app and a report name a series alike.
import { seriesNameTable } from '../../src-engine/series-names.ts';

export const seriesEn = {
  seriesNames: seriesNameTable('en'),
};

export const seriesZh: typeof seriesEn = {
  seriesNames: seriesNameTable('zh'),
};
