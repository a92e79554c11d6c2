// Whether a chart was painted: counts the non-transparent pixels of a chart's canvas.
import type { Page } from '@playwright/test';

export async function paintedPixels(page: Page, testId = 'result-chart'): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n++;
    return n;
  });
}
