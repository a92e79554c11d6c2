// Arrow-key movement in a tab list or radio group: wraps at both ends, Home and End jump.
import { describe, expect, it } from 'vitest';
import { nextIndex } from './arrow-keys.ts';

describe('nextIndex', () => {
  it('moves forward and back with wrap-around, jumps with Home and End, ignores other keys', () => {
    expect(nextIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('Enter', 0, 3)).toBe(-1);
    expect(nextIndex('ArrowRight', 0, 0)).toBe(-1);
  });
});
