// CSV dosing records: column names, NONMEM conventions (".", C comments, cmt 1/2), and refusals by row and column.
import { describe, expect, it } from 'vitest';
import { formatCsvError, MAX_LISTED_ERRORS, parseRecordsCsv } from './records-csv.ts';

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

  it('refuses a negative amt, naming the row and the column', () => {
    expect(parseRecordsCsv('time,amt\n0,-5\n')).toEqual({ ok: false, errors: [{ row: 2, column: 'amt', message: 'expected amt (mg) ≥ 0' }] });
  });

  it('refuses NONMEM’s negative rates with a pointer to dur, and checks nothing further on that row', () => {
    expect(parseRecordsCsv('time,amt,rate,cmt\n0,100,-2,9\n')).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'cmt', message: 'expected 1 (depot), 2 (central), "depot" or "central", got "9"' },
        { row: 2, column: 'rate', message: 'expected a rate ≥ 0 (give an infusion\'s duration in "dur" instead of NONMEM\'s rate -2)' },
      ],
    });
    expect(parseRecordsCsv('time,amt,rate\n0,100,-2\n')).toEqual({ ok: false, errors: [{ row: 2, column: 'rate', message: 'expected a rate ≥ 0 (give an infusion\'s duration in "dur" instead of NONMEM\'s rate -2)' }] });
  });

  it('reports every bad row, not only the first, and a bad number stops the checks of its row', () => {
    const out = parseRecordsCsv(['time,amt,ii,addl', '0,x,0,2', '1,-1,0,0', '2,5,.,.', 'y,5,.,.'].join('\n'));
    expect(out).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'amt', message: 'expected a number, got "x"' },
        { row: 3, column: 'amt', message: 'expected amt (mg) ≥ 0' },
        { row: 5, column: 'time', message: 'expected a number, got "y"' },
      ],
    });
  });

  it('reads the columns it knows in any case and order, fills defaults, and infers evid from amt', () => {
    const out = parseRecordsCsv(['\uFEFFAMT,Time,CMT,RATE,DUR,II,ADDL,SS,LAG,F,ID', '10,0,2,0,3,12,1,0,0.5,0.5,7', '.,1,.,.,.,.,.,.,.,.,7', '', '0,2,.,.,.,.,.,.,.,.,7', '  ', ''].join('\r\n'));
    expect(out).toEqual({
      ok: true,
      ignoredColumns: [],
      subjects: [{ id: '7', observations: [1, 2], records: [{ time: 0, amt: 10, cmt: 'central', dur: 3, ii: 12, addl: 1, ss: 0, evid: 1, lag: 0.5, f: 0.5 }] }],
    });
  });

  it('takes the first of two columns with the same name and reports the second as ignored', () => {
    const out = parseRecordsCsv('time,amt,amt,evid\n0,5,99,1\n');
    expect(out).toEqual({ ok: true, ignoredColumns: ['amt'], subjects: [{ id: '1', observations: [], records: [expect.objectContaining({ amt: 5 })] }] });
  });

  it('reads quoted cells (RFC 4180), with commas and doubled quotes inside', () => {
    const out = parseRecordsCsv('"time","amt","note, with comma"\n"0"," 5 ","say ""hi"", twice"\n');
    expect(out).toEqual({ ok: true, ignoredColumns: ['note, with comma'], subjects: [{ id: '1', observations: [], records: [expect.objectContaining({ time: 0, amt: 5 })] }] });
  });

  it('reads cmt as 1, 2, depot or central in any case', () => {
    const out = parseRecordsCsv(['time,amt,cmt', '0,1,1', '1,1,2', '2,1,DEPOT', '3,1,Central'].join('\n'));
    expect(out.ok && out.subjects[0]!.records.map((r) => r.cmt)).toEqual(['depot', 'central', 'depot', 'central']);
  });

  it('skips comment rows (a C column that is neither empty nor ".") and keeps the others', () => {
    const out = parseRecordsCsv(['C,time,amt', 'C,0,5', '#,0,6', '.,0,7', ',1,8'].join('\n'));
    expect(out.ok && out.subjects[0]!.records.map((r) => r.amt)).toEqual([7, 8]);
    expect(out.ok && out.ignoredColumns).toEqual([]);
  });

  it('needs a time on every row and keeps times sorted within each ID only', () => {
    expect(parseRecordsCsv('time,amt\n.,5\n')).toEqual({ ok: false, errors: [{ row: 2, column: 'time', message: 'expected a time (hours)' }] });
    const two = parseRecordsCsv(['id,time,amt', '1,5,1', '2,0,1', '1,5,1'].join('\n'));
    expect(two.ok && two.subjects.map((s) => [s.id, s.records.length])).toEqual([['1', 2], ['2', 1]]);
  });

  it('refuses files beyond 200 000 rows before reading them', () => {
    const text = `time\n${'0\n'.repeat(200_000)}`;
    expect(parseRecordsCsv(text)).toEqual({
      ok: false,
      errors: [{ row: 200_001, column: '', message: 'expected at most 200,000 rows (header included), got 200,001; split the file, by ID, into smaller ones' }],
    });
    expect(parseRecordsCsv(`time\n${'0\n'.repeat(199_999)}`).ok).toBe(true);
  });

  it('lists the first 100 errors and counts the others', () => {
    const out = parseRecordsCsv(`time,amt\n${'0,x\n'.repeat(150)}`);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(out.errors[99]).toEqual({ row: 101, column: 'amt', message: 'expected a number, got "x"' });
    expect(out.more).toBe(50);
    expect(parseRecordsCsv('time,amt\n0,x\n')).toEqual({ ok: false, errors: [{ row: 2, column: 'amt', message: 'expected a number, got "x"' }] });
  });

  it('formats an error with its row, and its column where there is one', () => {
    expect(formatCsvError({ row: 3, column: 'amt', message: 'm' })).toBe('row 3, column amt: m');
    expect(formatCsvError({ row: 1, column: '', message: 'm' })).toBe('row 1: m');
  });

  it('needs a header with a time column', () => {
    expect(parseRecordsCsv('amt\n100')).toEqual({ ok: false, errors: [{ row: 1, column: 'time', message: 'expected a "time" column (hours)' }] });
    expect(parseRecordsCsv('time')).toEqual({ ok: false, errors: [{ row: 1, column: '', message: 'expected a header row and at least one record' }] });
    expect(parseRecordsCsv('time\n\n  \n')).toEqual({ ok: false, errors: [{ row: 1, column: '', message: 'expected a header row and at least one record' }] });
  });
});
