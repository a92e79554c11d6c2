// Window state: the saved place clamped to a display that is still there; saved on close, read back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, keepWindowState, placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState, type Rect } from './window-state.ts';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the right of the laptop. */
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('uses the default size, placed by the system, when nothing was saved', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    // A small screen: the default shrinks to it (never below what fits).
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({ bounds: { width: 1024, height: 700 }, maximized: false });
  });

  it('keeps a saved place that is on a display, and the maximised state', () => {
    expect(placeWindow({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true }, [laptop, monitor])).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
    expect(placeWindow({ bounds: { x: 2000, y: 0, width: 1600, height: 1000 }, maximized: false }, [laptop, monitor]).bounds).toEqual({ x: 2000, y: 0, width: 1600, height: 1000 });
  });

  it('moves a window that hangs over an edge fully inside the display it is mostly on', () => {
    // Mostly on the laptop, its right part off the screen's edge (no monitor now), bottom below the dock.
    expect(placeWindow({ bounds: { x: 900, y: 400, width: 1000, height: 700 }, maximized: false }, [laptop]).bounds).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display to the work area', () => {
    expect(placeWindow({ bounds: { x: -50, y: -30, width: 2400, height: 1300 }, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('falls back to the system placement when the saved place is on a monitor that is gone', () => {
    const onMonitor = { bounds: { x: 2000, y: 0, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(onMonitor, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: true });
    // A sliver of 10 px on the laptop is not "visible": the title bar must be reachable.
    expect(placeWindow({ bounds: { x: 1430, y: 100, width: 1200, height: 800 }, maximized: false }, [laptop]).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('picks the display with the larger overlap when a window spans two', () => {
    const spanning = { bounds: { x: 1000, y: 100, width: 1400, height: 800 }, maximized: false };
    // 440 px on the laptop, 960 on the monitor: it goes onto the monitor.
    expect(placeWindow(spanning, [laptop, monitor]).bounds).toEqual({ x: 1440, y: 100, width: 1400, height: 800 });
  });
});

describe('saved state', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'modulon-winstate-'));
    dirs.push(d);
    return d;
  };

  it('writes the normal bounds and maximised state on close and reads them back', () => {
    const dir = temp();
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 10, y: 20, width: 1100, height: 720 }),
      isMaximized: () => true,
    });
    keepWindowState(window, (state) => writeWindowState(dir, state));
    expect(readWindowState(dir)).toBeUndefined();
    window.emit('close');
    expect(readWindowState(dir)).toEqual({ bounds: { x: 10, y: 20, width: 1100, height: 720 }, maximized: true });
  });

  it('ignores a damaged or nonsensical file', () => {
    const dir = temp();
    for (const text of ['{not json', '{"bounds": {"x": 0, "y": 0, "width": -5, "height": 100}}', '{"bounds": {"x": "a", "y": 0, "width": 5, "height": 5}}', '[]']) {
      writeFileSync(join(dir, WINDOW_STATE_FILE), text);
      expect(readWindowState(dir), text).toBeUndefined();
    }
  });
});
