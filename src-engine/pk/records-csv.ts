// Dosing records from CSV text (pharmacometric column names), with every inconsistent record
// refused by its row and column. Pure: the CLI and the UI pass the text in.
import { doseRecordSchema, type DoseRecord } from './records.ts';

/** Columns understood (case-insensitive); others (DV, WT, model-specific ones) are ignored and reported. */
export const RECORD_COLUMNS = ['id', 'time', 'amt', 'cmt', 'rate', 'dur', 'ii', 'addl', 'ss', 'evid', 'lag', 'f'] as const;

export interface CsvSubject {
  id: string;
  records: DoseRecord[];
  /** Observation times (rows with evid 0), hours, in file order. */
  observations: number[];
}

export interface CsvError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export type CsvOutcome =
  | { ok: true; subjects: CsvSubject[]; ignoredColumns: string[] }
  /** `errors`: the first MAX_LISTED_ERRORS, in file order; `more`: how many others there were. */
  | { ok: false; errors: CsvError[]; more?: number };

/** Splits one CSV line (RFC 4180 quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

const MAX_ROWS = 200_000;
/** A file with every cell wrong has millions of errors (~75 MB of text for 200,000 rows): list the first ones. */
export const MAX_LISTED_ERRORS = 100;

export function parseRecordsCsv(text: string): CsvOutcome {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  if (lines.length < 2) return { ok: false, errors: [{ row: 1, column: '', message: 'expected a header row and at least one record' }] };
  if (lines.length > MAX_ROWS) {
    const message = `expected at most ${MAX_ROWS.toLocaleString('en')} rows (header included), got ${lines.length.toLocaleString('en')}; split the file, by ID, into smaller ones`;
    return { ok: false, errors: [{ row: MAX_ROWS + 1, column: '', message }] };
  }
  const header = cells(lines[0] as string).map((h) => h.toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if ((RECORD_COLUMNS as readonly string[]).includes(h) && !col.has(h)) col.set(h, i);
  });
  if (!col.has('time')) return { ok: false, errors: [{ row: 1, column: 'time', message: 'expected a "time" column (hours)' }] };
  const ignoredColumns = header.filter((h, i) => !col.has(h) || col.get(h) !== i).filter((h) => h !== '' && h !== 'c');
  const cIndex = header.indexOf('c');

  const errors: CsvError[] = [];
  let errorCount = 0;
  const refuse = (e: CsvError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };
  const subjects = new Map<string, CsvSubject>();
  const lastTime = new Map<string, number>();
  for (let li = 1; li < lines.length; li++) {
    const row = li + 1;
    const line = lines[li] as string;
    const errorsBefore = errorCount;
    if (line.trim() === '') continue;
    const v = cells(line);
    // NONMEM's C column: a row whose C is not "." (or empty) is a comment.
    if (cIndex >= 0 && v[cIndex] !== undefined && v[cIndex] !== '.' && v[cIndex] !== '') continue;
    const raw = (name: string): string | undefined => {
      const i = col.get(name);
      const s = i === undefined ? undefined : v[i];
      return s === undefined || s === '' || s === '.' ? undefined : s;
    };
    const num = (name: string): number | undefined => {
      const s = raw(name);
      if (s === undefined) return undefined;
      const n = Number(s);
      if (!Number.isFinite(n)) {
        refuse({ row, column: name, message: `expected a number, got ${JSON.stringify(s)}` });
        return undefined;
      }
      return n;
    };
    const id = raw('id') ?? '1';
    const time = num('time');
    if (time === undefined) {
      if (raw('time') === undefined) refuse({ row, column: 'time', message: 'expected a time (hours)' });
      continue;
    }
    const prev = lastTime.get(id);
    if (prev !== undefined && time < prev) refuse({ row, column: 'time', message: `time goes back (${time} after ${prev}) within ID ${id}; expected records sorted by time` });
    lastTime.set(id, time);
    let subject = subjects.get(id);
    if (!subject) {
      subject = { id, records: [], observations: [] };
      subjects.set(id, subject);
    }
    // Without an evid column a row with an amount is a dose (a negative one is then refused, not read as an observation).
    const evid = num('evid') ?? (raw('amt') !== undefined && (num('amt') ?? 0) !== 0 ? 1 : 0);
    if (evid === 0) {
      subject.observations.push(time);
      continue;
    }
    const cmtText = raw('cmt');
    let cmt: string | undefined;
    if (cmtText !== undefined) {
      const c = cmtText.toLowerCase();
      cmt = c === '1' || c === 'depot' ? 'depot' : c === '2' || c === 'central' ? 'central' : undefined;
      if (cmt === undefined) refuse({ row, column: 'cmt', message: `expected 1 (depot), 2 (central), "depot" or "central", got ${JSON.stringify(cmtText)}` });
    }
    const rate = num('rate');
    const candidate: Record<string, unknown> = {
      time,
      evid,
      ...(num('amt') !== undefined ? { amt: num('amt') } : {}),
      ...(cmt !== undefined ? { cmt } : {}),
      ...(rate !== undefined && rate !== 0 ? { rate } : {}),
      ...(num('dur') !== undefined && num('dur') !== 0 ? { dur: num('dur') } : {}),
      ...(num('ii') !== undefined ? { ii: num('ii') } : {}),
      ...(num('addl') !== undefined ? { addl: num('addl') } : {}),
      ...(num('ss') !== undefined ? { ss: num('ss') } : {}),
      ...(num('lag') !== undefined ? { lag: num('lag') } : {}),
      ...(num('f') !== undefined ? { f: num('f') } : {}),
    };
    if (rate !== undefined && rate < 0) {
      refuse({ row, column: 'rate', message: `expected a rate ≥ 0 (give an infusion's duration in "dur" instead of NONMEM's rate ${rate})` });
      continue;
    }
    // A cell that is not a number was reported already; the record is not checked further.
    if (errorCount > errorsBefore) continue;
    const parsed = doseRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) refuse({ row, column: String(issue.path[0] ?? ''), message: issue.message });
      continue;
    }
    subject.records.push(parsed.data);
  }
  if (errorCount > 0) return { ok: false, errors, ...(errorCount > errors.length ? { more: errorCount - errors.length } : {}) };
  return { ok: true, subjects: [...subjects.values()], ignoredColumns };
}

/** "row 5, column rate: rate and dur both given; expected one of them" */
export function formatCsvError(e: CsvError): string {
  return `row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`;
}
