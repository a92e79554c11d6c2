// The window comes back where the user left it: size, position and maximised state, kept in
// userData/window-state.json, clamped to a display that is still there (a monitor unplugged since).
import { join } from 'node:path';
import { readJson, writeJson } from './config.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface Placement {
  /** Position absent: the system places the window (centred on the primary display). */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 960, height: 600 };
/** How much of the window must overlap a display for the saved position to be kept (its title bar, roughly). */
const MIN_VISIBLE = { width: 120, height: 40 };

/** Width and height of the part of `a` on `b` (negative: none). */
function overlapSides(a: Rect, b: Rect): [number, number] {
  return [Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x), Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)];
}

function overlap(a: Rect, b: Rect): number {
  const [w, h] = overlapSides(a, b);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/**
 * Where to open the window: the saved bounds on the display they overlap most, shrunk to fit its
 * work area and moved fully inside it; the default size, placed by the system, when nothing was
 * saved or the saved place is off every display. `workAreas[0]` is the primary display's.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): Placement {
  const primary = workAreas[0];
  const fitSize = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.round(area ? clamp(size.width, Math.min(MIN_SIZE.width, area.width), area.width) : Math.max(size.width, MIN_SIZE.width)),
    height: Math.round(area ? clamp(size.height, Math.min(MIN_SIZE.height, area.height), area.height) : Math.max(size.height, MIN_SIZE.height)),
  });
  if (!saved) return { bounds: fitSize(DEFAULT_SIZE, primary), maximized: false };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  const visible = best !== undefined && overlapSides(saved.bounds, best).every((side, i) => side >= [MIN_VISIBLE.width, MIN_VISIBLE.height][i]!);
  if (!best || !visible) return { bounds: fitSize(saved.bounds, primary), maximized: saved.maximized };
  const size = fitSize(saved.bounds, best);
  return {
    bounds: {
      x: Math.round(clamp(saved.bounds.x, best.x, best.x + best.width - size.width)),
      y: Math.round(clamp(saved.bounds.y, best.y, best.y + best.height - size.height)),
      ...size,
    },
    maximized: saved.maximized,
  };
}

function isRect(v: unknown): v is Rect {
  const r = v as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function readWindowState(userData: string): WindowState | undefined {
  const raw = readJson(join(userData, WINDOW_STATE_FILE)) as Record<string, unknown> | undefined;
  if (!raw || !isRect(raw.bounds) || raw.bounds.width <= 0 || raw.bounds.height <= 0) return undefined;
  return { bounds: raw.bounds, maximized: raw.maximized === true };
}

export function writeWindowState(userData: string, state: WindowState): void {
  writeJson(join(userData, WINDOW_STATE_FILE), state);
}

/** The part of a BrowserWindow whose state is saved. */
export interface StatefulWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves the window's state when it closes (the normal bounds, so a maximised window un-maximises to them). */
export function keepWindowState(window: StatefulWindow, save: (state: WindowState) => void): void {
  window.on('close', () => {
    try {
      save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (e) {
      console.warn('Modulon: could not save the window state', e);
    }
  });
}
