// Strings of the live preview's status (progress of a long run) in English and Simplified Chinese;
// spread into the app's tables in i18n.svelte.ts.

export const previewEn = {
  /** Progress of a long preview run: percent of the simulated time done. */
  previewProgress: (percent: number) => `${percent} % of the simulated time`,
  previewProgressLabel: 'Progress of the preview run',
};

export const previewZh: typeof previewEn = {
  previewProgress: (percent: number) => `已模拟 ${percent} % 的时间`,
  previewProgressLabel: '预览运行进度',
};
