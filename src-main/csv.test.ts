import { describe, expect, it } from 'vitest';
import { csvCell, csvFilename } from './csv.ts';

describe('CSV cells', () => {
  it('neutralises formula-like text and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(Number.NaN)).toBe('');
  });
  it('makes a safe file name', () => {
    expect(csvFilename('../../etc/passwd', '2026-11-23T18:00:00.000Z')).toBe('etc-passwd-2026-11-23-18-00-00.csv');
    expect(csvFilename('多奈哌齐 10 mg', '2026-11-23T18:00:00.000Z')).toBe('多奈哌齐-10-mg-2026-11-23-18-00-00.csv');
  });
});
