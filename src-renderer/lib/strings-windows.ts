// Strings of the zoom on charts whose x is not the run's time (a task's learning curves: trials,
// blocks, days of the protocol) in English and Simplified Chinese; spread into i18n.svelte.ts.

export const windowsEn = {
  curveZoomHint: 'Drag across the curves to zoom in, Shift + drag to pan, Ctrl + wheel to zoom.',
  curveZoomReset: 'Show the whole curve',
};

export const windowsZh: typeof windowsEn = {
  curveZoomHint: '在曲线上拖动以放大，Shift + 拖动以平移，Ctrl + 滚轮缩放。',
  curveZoomReset: '显示完整曲线',
};
