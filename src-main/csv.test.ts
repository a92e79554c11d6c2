import { describe, expect, it } from 'vitest';
import type { Results } from '../src-engine/index.ts';
import { csvCell, csvFilename, resultsToCsv } from './csv.ts';

describe('CSV cells', () => {
  it('neutralises formula-like text and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-1.5)).toBe('-1.5');
    // Six significant digits, not 17; integers and small numbers stay exact where they fit.
    expect(csvCell(3.8199382341159276)).toBe('3.81994');
    expect(csvCell(0.9999999999999998)).toBe('1');
    expect(csvCell(1234567)).toBe('1234570');
    expect(csvCell(2.5e-7)).toBe('2.5e-7');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes a cell with a line break, so a name with a newline stays one cell (RFC 4180)', () => {
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    // A leading carriage return is formula-neutralised and quoted.
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('leaves plain text and numbers alone', () => {
    expect(csvCell('pk.donepezil.plasma (ng/mL)')).toBe('pk.donepezil.plasma (ng/mL)');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1e-7)).toBe('1e-7');
  });

  it('makes a safe file name', () => {
    expect(csvFilename('../../etc/passwd', '2026-11-23T18:00:00.000Z')).toBe('etc-passwd-2026-11-23-18-00-00.csv');
    expect(csvFilename('多奈哌齐 10 mg', '2026-11-23T18:00:00.000Z')).toBe('多奈哌齐-10-mg-2026-11-23-18-00-00.csv');
    expect(csvFilename('***', '2026-11-23T18:00:00.000Z')).toBe('scenario-2026-11-23-18-00-00.csv');
    expect(csvFilename('x'.repeat(80), '2026-11-23T18:00:00.000Z')).toBe(`${'x'.repeat(60)}-2026-11-23-18-00-00.csv`);
    expect(csvFilename('Café', '2026-11-23T18:00:00.000Z')).toBe('Cafe-2026-11-23-18-00-00.csv');
  });
});

describe('results as CSV', () => {
  const results = {
    series: {
      'pk.a.plasma': { unit: 'ng/mL', t: [0, 1, 2], v: [0, 1.5, 2] },
      'scale.x': { unit: 'points', t: [0, 2, 0.5], v: [10, 8, 9] },
      'name, "odd"\nline': { unit: 'ratio', t: [1], v: [Number.NaN] },
    },
  } as unknown as Results;

  it('writes one row per time point of any series, sorted, with empty cells where a series has no sample', () => {
    expect(resultsToCsv(results)).toBe(
      [
        'time_h,pk.a.plasma (ng/mL),scale.x (points),"name, ""odd""\nline (ratio)"',
        '0,0,10,',
        '0.5,,9,',
        '1,1.5,,',
        '2,2,8,',
        '',
      ].join('\r\n'),
    );
  });

  it('writes only the header for a run without samples', () => {
    expect(resultsToCsv({ series: {} } as unknown as Results)).toBe('time_h\r\n');
  });
});
