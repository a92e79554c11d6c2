// WCAG AA contrast of the stylesheet's colour pairs in the light and the dark theme (4.5:1 for text,
// 3:1 for borders of controls and the focus ring), computed from the custom properties in
// src-renderer/app.css.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../src-renderer/app.css', import.meta.url), 'utf8');

/** The custom properties of one rule block, by the text that opens it. */
function block(opening: string): Record<string, string> {
  const at = css.indexOf(opening);
  if (at < 0) throw new Error(`no block ${opening} in app.css`);
  const body = css.slice(at + opening.length, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/** Relative luminance (WCAG 2.x). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text on background: every pairing the stylesheet and the components use. */
const TEXT: Array<[string, string]> = [
  ['text', 'bg'], ['text', 'panel'], ['text', 'warn-bg'], ['text', 'notice-bg'],
  ['muted', 'panel'], ['muted', 'bg'], ['muted', 'notice-bg'], ['faint', 'panel'],
  ['accent-text', 'accent'], ['link', 'panel'], ['link', 'notice-bg'],
  ['danger', 'panel'], ['danger', 'bg'], ['ok', 'panel'],
  ['good-fg', 'good-bg'], ['near-fg', 'near-bg'], ['bad-fg', 'bad-bg'],
];
/** Boundaries of controls and the focus ring against what surrounds them. */
const UI: Array<[string, string]> = [['field-border', 'panel'], ['field-border', 'bg'], ['focus', 'panel'], ['focus', 'bg'], ['accent', 'panel'], ['accent', 'bg']];

const light = block(':root {');
const dark = block(":root[data-theme='dark'] {");
const darkBySystem = block(":root:not([data-theme='light']) {");

describe('theme contrast (WCAG AA)', () => {
  it('the dark theme by system preference and by html[data-theme=dark] are the same', () => {
    expect(darkBySystem).toEqual(dark);
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  for (const [name, vars] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: text pairs reach 4.5:1, control borders and focus 3:1`, () => {
      const low: string[] = [];
      for (const [fg, bg] of TEXT) {
        const r = contrast(vars[fg]!, vars[bg]!);
        if (!(r >= 4.5)) low.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      for (const [fg, bg] of UI) {
        const r = contrast(vars[fg]!, vars[bg]!);
        if (!(r >= 3)) low.push(`${fg} against ${bg}: ${r.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });
  }

  it('computes the published ratios (black on white 21:1, #767676 on white 4.54:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
