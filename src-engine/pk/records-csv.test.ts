// CSV dosing records: column names, NONMEM conventions (".", C comments, cmt 1/2), and refusals by row and column.
import { describe, expect, it } from 'vitest';
import { formatCsvError, parseRecordsCsv } from './records-csv.ts';

describe('records CSV', () => {
  it('reads doses and observations per ID, with NONMEM conventions', () => {
    const out = parseRecordsCsv(['C,ID,time,evid,amt,cmt,ii,addl,rate,DV,WT', '.,1,0,1,100,1,24,3,.,.,70', 'C,1,0,0,.,2,.,.,.,.,70', '.,1,0,0,.,2,.,.,.,.,70', '.,1,1.5,0,.,2,.,.,.,3.2,70', '.,2,0,1,50,central,0,0,10,.,80', '.,2,4,0,.,.,.,.,.,.,80'].join('\n'));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.ignoredColumns).toEqual(['dv', 'wt']);
    expect(out.subjects.map((s) => s.id)).toEqual(['1', '2']);
    expect(out.subjects[0]).toMatchObject({ records: [{ time: 0, amt: 100, cmt: 'depot', ii: 24, addl: 3, evid: 1, ss: 0, f: 1, lag: 0 }], observations: [0, 1.5] });
    expect(out.subjects[1]!.records[0]).toMatchObject({ cmt: 'central', rate: 10 });
  });

  it('refuses inconsistent records with their row and column', () => {
    const out = parseRecordsCsv(['time,amt,cmt,rate,dur,ii,addl,ss,evid', '0,100,1,10,2,0,0,0,1', '1,100,1,,,0,3,0,1', '2,100,3,,,,,,1', '3,abc,1,,,,,,1', '4,100,1,,,0,0,1,1', '1,100,1,,,,,,1'].join('\r\n'));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map(formatCsvError)).toEqual([
      'row 2, column dur: rate and dur both given; expected one of them',
      'row 3, column addl: addl without ii; expected ii > 0 with additional doses',
      'row 4, column cmt: expected 1 (depot), 2 (central), "depot" or "central", got "3"',
      'row 5, column amt: expected a number, got "abc"',
      'row 6, column ii: steady state needs ii > 0 (or amt 0 with a rate for a constant infusion)',
      'row 7, column time: time goes back (1 after 4) within ID 1; expected records sorted by time',
    ]);
  });

  it('needs a header with a time column', () => {
    expect(parseRecordsCsv('amt\n100')).toEqual({ ok: false, errors: [{ row: 1, column: 'time', message: 'expected a "time" column (hours)' }] });
    expect(parseRecordsCsv('time')).toMatchObject({ ok: false });
  });
});
