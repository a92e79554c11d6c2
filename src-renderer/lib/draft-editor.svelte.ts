// A scenario being edited: the form's draft, its document, the engine's live validation and the
// row operations of the editor. The workbench edits the current scenario with it, the compare view
// each arm; both give it the drug lists the menus offer.
import { customDrugFile, drugSummary, type DrugSummary } from '../../src-engine/contract/app-api.ts';
import { formatCsvError, parseRecordsCsv, parseScenario, type CustomDrugInput, type FieldError } from '../../src-engine/index.ts';
import { newDevice, type DeviceType } from './devices.ts';
import { newDraft, newRow, newSession, toDoc, type Draft } from './draft.ts';
import { newTask, type TaskId } from './tasks.ts';
import { usualRegimen } from './dosing.ts';
import { nameKey, scenarioName } from './library.ts';

export class DraftEditor {
  draft = $state<Draft>(newDraft());
  doc = $derived(toDoc(this.draft));
  docJson = $derived(JSON.stringify(this.doc));
  /** Live validation with the engine's own parser: errors appear as the user types. */
  errors = $derived.by<FieldError[]>(() => {
    const parsed = parseScenario(this.doc);
    return parsed.ok ? [] : parsed.errors;
  });
  /** What the drug menus offer: the known drugs plus drugs defined only inside this scenario. */
  drugOptions = $derived.by<DrugSummary[]>(() => {
    const known = this.knownDrugs();
    const embedded = this.draft.customDrugs.filter((d) => !known.some((x) => x.id === d.id)).flatMap(customDrugFile);
    return [...known, ...embedded.map(drugSummary)];
  });

  /** Built-in drugs and the user's library (from the backend). */
  protected knownDrugs(): DrugSummary[] {
    return [];
  }

  /** The user's drug library as defined (copied into a scenario that uses a drug). */
  protected libraryDrugs(): CustomDrugInput[] {
    return [];
  }

  errorAt(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }

  /** Reads pasted or loaded CSV records into a row; returns the refusals (by row and column). */
  useRecords(index: number, csv: string): string[] {
    const row = this.draft.rows[index];
    if (!row) return [];
    const parsed = parseRecordsCsv(csv);
    // The parser lists the first refusals and counts the others (messages.ts translates both lines).
    if (!parsed.ok) return [...parsed.errors.map(formatCsvError), ...(parsed.more ? [`and ${parsed.more} more`] : [])];
    const withDoses = parsed.subjects.filter((s) => s.records.length > 0);
    if (withDoses.length !== 1) return [`expected the records of one subject (ID), found ${withDoses.length}`];
    row.records = withDoses[0]!.records;
    return [];
  }

  clearRecords(index: number): void {
    const row = this.draft.rows[index];
    if (row) delete row.records;
  }

  addRow(): void {
    this.draft.rows.push(newRow(this.draft.rows.at(-1)));
  }

  /**
   * After a change of drug: its usual route, dose and interval (or infusion) from its data file,
   * so that ketamine does not become "5 mg every 24h"; then fitRoute. Start and stop stay.
   */
  chooseDrug(index: number): void {
    const row = this.draft.rows[index];
    if (!row) return;
    const usual = usualRegimen(this.drugOptions.find((d) => d.id === row.drug));
    if (usual && !row.records) Object.assign(row, usual);
    this.fitRoute(index);
  }

  /** While the name is the app's own, it follows the condition and interventions (in `lang`). */
  followName(lang: 'en' | 'zh'): void {
    const key = this.draft.autoName;
    if (key === undefined) return;
    const now = nameKey(this.draft, lang);
    if (now === key) return;
    this.draft.name = scenarioName(this.draft, this.drugOptions, lang);
    this.draft.autoName = now;
  }

  /**
   * After a change of drug: keep the route if the new drug has it, else take its first; a drug
   * from the user's library is copied into the scenario.
   */
  fitRoute(index: number): void {
    const row = this.draft.rows[index];
    if (!row) return;
    const routes = this.drugOptions.find((d) => d.id === row.drug)?.routes;
    if (routes && !routes.includes(row.route)) row.route = routes.includes('oral') ? 'oral' : (routes[0] ?? 'oral');
    const mine = this.libraryDrugs().find((d) => d.id === row.drug);
    if (mine && !this.draft.customDrugs.some((d) => d.id === mine.id)) this.draft.customDrugs = [...this.draft.customDrugs, mine];
  }

  removeRow(index: number): void {
    this.draft.rows.splice(index, 1);
  }

  addSessions(): void {
    this.draft.sessions.push(newSession(this.draft.condition));
  }

  removeSessions(index: number): void {
    this.draft.sessions.splice(index, 1);
  }

  addDevice(type: DeviceType): void {
    this.draft.devices.push(newDevice(type));
  }

  removeDevice(index: number): void {
    this.draft.devices.splice(index, 1);
  }

  /** A learning task at the end of the scenario, its options at their defaults. */
  addTask(task: TaskId): void {
    this.draft.tasks.push(newTask(task, this.draft.duration));
  }

  removeTask(index: number): void {
    this.draft.tasks.splice(index, 1);
  }
}

/** What the editor's components need: the draft and its operations, and the user's drug library. */
export interface EditorHost extends DraftEditor {
  customLibrary: CustomDrugInput[];
  /** Saves a drug to the user's library; returns the fields at fault (empty on success). */
  saveCustomDrug(input: CustomDrugInput): Promise<FieldError[]>;
  deleteCustomDrug(id: string): Promise<void>;
}
