// The one-screen workbench's state: the saved scenarios, the scenario being edited, its results.
import type { CsvGrid } from '../../src-engine/contract/app-api.ts';
import type { AppApi, DrugSummary, ReportFile, ReportFormat, ReportLang, Result, ScenarioSummary, ValidationReport, WorkingCopy } from '../../src-engine/contract/app-api.ts';
import { parseScenario, type CustomDrugInput, type FieldError, type Results, type ScenarioInput } from '../../src-engine/index.ts';
import { DraftEditor } from './draft-editor.svelte.ts';
import { fromDoc, newDraft } from './draft.ts';
import { EXAMPLES } from '../../src-engine/examples.ts';
import { i18n } from './i18n.svelte.ts';
import { copyName, followExample, nameKey, newestCopy, untilNotBusy, workingCopyKey } from './library.ts';
import { keepWorkingCopy, Prompter, takeWorkingCopy, UNDO_MS, type Deleted } from './library.svelte.ts';

/** Info messages are string keys (translated on display); errors come from the backend as text. */
export type Message = { kind: 'info'; key: 'saved' } | { kind: 'error'; text: string };

/** This page's storage: the working copy's fallback when the backend refuses it (absent in tests and workers). */
const storage = (): Storage | undefined => globalThis.localStorage;

/** Tries of a save refused while a backup is restored: a second apart, five minutes in all. */
const SAVE_TRIES = 300;

export class Workbench extends DraftEditor {
  scenarios = $state.raw<ScenarioSummary[]>([]);
  /** Built-in drugs and the user's drug library, from the backend. */
  drugs = $state.raw<DrugSummary[]>([]);
  /** The user's drug library, as defined (to copy into scenarios that use a drug). */
  customLibrary = $state.raw<CustomDrugInput[]>([]);
  /** Stored id of the scenario being edited; undefined until first saved. */
  id = $state<string | undefined>();
  /**
   * JSON of the document last saved or opened (for a new scenario or an example: as it started):
   * the draft is dirty when it differs, and only then is anything asked before it is replaced.
   */
  savedJson = $state<string | undefined>();
  results = $state.raw<Results | undefined>();
  /** JSON of the document the shown results were computed from. */
  resultsJson = $state<string | undefined>();
  /** Stored run behind the shown results, if any. */
  runId = $state<string | undefined>();
  message = $state<Message | undefined>();
  /** The validation page: shown instead of the editor; its report is fetched when first opened. */
  view = $state<'workbench' | 'validation' | 'compare'>('workbench');
  validation = $state.raw<ValidationReport | undefined>();
  busy = $state(false);
  /** The library's questions (unsaved changes, a new name), answered in LibraryDialog. */
  readonly prompt = new Prompter();
  /** The scenario just deleted, while Undo is offered. */
  deleted = $state<Deleted | undefined>();
  /** When the working copy restored at start was kept (shown until kept or discarded). */
  restoredAt = $state<string | undefined>();
  /** The example the draft came from while it shows the example's own name or description (they follow the language). */
  example = $state<string | undefined>();
  /** The language the example's texts are in now. */
  private exampleLang: 'en' | 'zh' = 'en';
  /** A save refused because a backup is being restored: it is tried again until the restore is over. */
  saveWaiting = $state(false);
  /** Between two tries of such a save. */
  protected saveRetryMs = 1000;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  dirty = $derived(this.savedJson !== this.docJson);
  canExport = $derived(this.runId !== undefined && !this.dirty && this.resultsJson === this.docJson);
  private readonly api: AppApi;

  constructor(api: AppApi) {
    super();
    this.api = api;
    this.savedJson = this.docJson;
  }

  protected override knownDrugs(): DrugSummary[] {
    return this.drugs;
  }

  protected override libraryDrugs(): CustomDrugInput[] {
    return this.customLibrary;
  }

  async load(): Promise<void> {
    const scenarios = await this.api['scenarios:list']({});
    if (this.settle(scenarios)) this.scenarios = scenarios.value;
    await this.loadDrugs();
    await this.startLibrary();
  }

  /**
   * After the lists: restores the working copy a previous session left in the data folder (from
   * any origin or the desktop app; this page's storage only if the backend refused it), keeps it
   * from now on, lets a generated name and an example's texts follow the condition, drugs and
   * language, and in web mode asks before the tab closes with unsaved changes (the Electron
   * shell asks on quit itself).
   */
  private async startLibrary(): Promise<void> {
    const [info, kept] = await Promise.all([this.api['app:info']({}), this.api['workingCopy:get']({})]);
    const local = storage();
    const key = info.ok ? workingCopyKey(info.value.dataDir) : undefined;
    const fallback = local && key !== undefined ? takeWorkingCopy(local, key) : undefined;
    const copy = newestCopy(kept.ok ? (kept.value ?? undefined) : undefined, fallback);
    if (copy && !this.dirty) this.restoreCopy(copy);
    keepWorkingCopy(this, (c) => this.putWorkingCopy(c, key));
    $effect.root(() => {
      $effect(() => this.followName(i18n.lang));
    });
    if (globalThis.window !== undefined && window.api === undefined) {
      window.addEventListener('beforeunload', (e) => {
        if (this.dirty) e.preventDefault();
      });
    }
  }

  private restoreCopy(copy: WorkingCopy): void {
    const stored = copy.id !== undefined && this.scenarios.some((s) => s.id === copy.id);
    this.id = stored ? copy.id : undefined;
    this.draft = { ...fromDoc(copy.doc), ...(copy.autoName !== undefined ? { autoName: copy.autoName } : {}) };
    this.savedJson = stored ? copy.savedJson : undefined;
    const example = EXAMPLES.find((e) => e.id === copy.example);
    this.example = example?.id;
    if (example) this.exampleLang = this.draft.name === example.title.zh || copy.doc.description === example.summary.zh ? 'zh' : 'en';
    this.clearResults();
    if (this.dirty) this.restoredAt = copy.savedAt;
  }

  /**
   * Hands the working copy to the backend; only if it refuses is the copy kept in this page's
   * storage (and removed from there once the backend has one again).
   */
  private putWorkingCopy(copy: WorkingCopy | null, key: string | undefined): void {
    const local = storage();
    const inPage = (value: WorkingCopy | null) => {
      if (!local || key === undefined) return;
      try {
        if (value === null) local.removeItem(key);
        else local.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or refused: the editor itself is unaffected.
      }
    };
    this.api['workingCopy:set']({ copy }).then(
      (out) => inPage(out.ok ? null : copy),
      () => inPage(copy),
    );
  }

  /**
   * A generated name that changes on an untouched new scenario leaves it untouched; so does an
   * example's name and description following the language (a saved scenario's name never changes).
   */
  override followName(lang: 'en' | 'zh'): void {
    const pristine = this.id === undefined && !this.dirty;
    const example = this.id === undefined ? EXAMPLES.find((e) => e.id === this.example) : undefined;
    if (example) {
      if (!followExample(this.draft, example, this.exampleLang, lang)) this.example = undefined;
      this.exampleLang = lang;
    }
    super.followName(lang);
    if (pristine) this.savedJson = this.docJson;
  }

  /** Keeps the restored working copy: the note goes, the changes stay unsaved. */
  keepRestored(): void {
    this.restoredAt = undefined;
  }

  /** Drops the restored working copy: back to the stored scenario it edited, or a new one. */
  async discardRestored(): Promise<void> {
    const id = this.id;
    this.restoredAt = undefined;
    this.savedJson = this.docJson;
    if (id !== undefined) await this.open(id);
    else await this.newScenario();
  }

  /** True when the editor may be replaced: nothing unsaved, or the user saved or chose to discard. */
  async confirmDiscard(): Promise<boolean> {
    if (!this.dirty) return true;
    const answer = await this.prompt.ask({ kind: 'discard', name: this.draft.name });
    if (answer === 'discard') return true;
    if (answer !== 'save') return false;
    await this.save();
    return !this.dirty;
  }

  private async loadDrugs(): Promise<void> {
    const [drugs, library] = await Promise.all([this.api['drugs:list']({}), this.api['drugs:listCustom']({})]);
    if (this.settle(drugs)) this.drugs = drugs.value;
    if (this.settle(library)) this.customLibrary = library.value;
  }

  /** Saves a drug to the user's library; returns the fields at fault (empty on success). */
  async saveCustomDrug(input: CustomDrugInput): Promise<FieldError[]> {
    // A new drug never takes the id of another one (two names without Latin letters, say).
    const taken = new Set(this.drugOptions.map((d) => d.id));
    let id = input.id;
    for (let n = 2; taken.has(id); n++) id = `${input.id.slice(0, 36)}-${n}`;
    const drug = { ...input, id };
    const saved = await this.api['drugs:saveCustom']({ drug });
    if (!saved.ok) return saved.error.fields ?? [{ path: '$', message: saved.error.message }];
    await this.loadDrugs();
    // A scenario already using this drug takes the new definition.
    this.draft.customDrugs = this.draft.customDrugs.map((d) => (d.id === drug.id ? drug : d));
    return [];
  }

  /** Removes a drug from the library; scenarios that use it keep their own copy. */
  async deleteCustomDrug(id: string): Promise<void> {
    if ((await this.task(() => this.api['drugs:deleteCustom']({ id }))) !== undefined) await this.loadDrugs();
  }

  /** A new scenario (after asking about unsaved changes); false if the user kept the old one. */
  async newScenario(): Promise<boolean> {
    if (!(await this.confirmDiscard())) return false;
    this.startNew(newDraft());
    this.followName(i18n.lang);
    return true;
  }

  /** An example as a new, unsaved scenario named in the current language; its name follows later changes. */
  async newFromExample(exampleId: string): Promise<boolean> {
    const example = EXAMPLES.find((e) => e.id === exampleId);
    if (!example || !(await this.confirmDiscard())) return false;
    const lang = i18n.lang;
    const draft = fromDoc({ ...example.scenario, name: example.title[lang], description: example.summary[lang] });
    this.startNew({ ...draft, autoName: nameKey(draft, lang) });
    this.example = example.id;
    this.exampleLang = lang;
    return true;
  }

  private startNew(draft: ReturnType<typeof newDraft>): void {
    this.id = undefined;
    this.draft = draft;
    this.savedJson = this.docJson;
    this.restoredAt = undefined;
    this.example = undefined;
    this.clearResults();
    this.message = undefined;
  }

  async open(id: string): Promise<void> {
    if (!(await this.confirmDiscard())) return;
    const got = await this.task(() => this.api['scenarios:get']({ id }));
    if (!got) return;
    this.id = got.id;
    this.draft = fromDoc(got.doc);
    this.example = undefined;
    this.savedJson = this.docJson;
    const opened = this.docJson;
    this.clearResults();
    const runs = await this.task(() => this.api['runs:list']({ scenarioId: got.id }));
    const latest = runs?.[0];
    if (latest) {
      const run = await this.task(() => this.api['runs:get']({ id: latest.id }));
      // A stored run belongs to the stored document, which the editor now shows.
      if (run) this.showResults(run.results, run.id, opened);
    }
  }

  /** Saved and unchanged: a stored run. Otherwise: a preview that is not stored. */
  async run(): Promise<void> {
    // What is run is what the form shows now, not after the answer comes back.
    const json = this.docJson;
    if (this.id !== undefined && !this.dirty) {
      const run = await this.task(() => this.api['runs:create']({ scenarioId: this.id as string }));
      if (run) this.showResults(run.results, run.id, json);
    } else {
      const results = await this.task(() => this.api['engine:simulate']({ doc: this.doc }));
      if (results) this.showResults(results, undefined, json);
    }
  }

  /**
   * Saves the scenario; results previewed for exactly this document are stored as its run. A
   * stored scenario whose name was changed in the editor is not silently renamed: the user chooses
   * between renaming it and saving a new scenario (the original untouched).
   */
  async save(): Promise<void> {
    const stored = this.scenarios.find((s) => s.id === this.id)?.name;
    if (stored !== undefined && stored !== this.draft.name) {
      const answer = await this.prompt.ask({ kind: 'renameSave', from: stored, to: this.draft.name });
      if (answer === 'copy') return this.saveAs(this.draft.name);
      if (answer !== 'rename') return;
    }
    await this.store();
  }

  /**
   * Saves the editor's scenario as a new stored scenario under `name` (asked for when not given);
   * the one it was opened from stays as it was stored. Then the new one is open.
   */
  async saveAs(name?: string): Promise<void> {
    const stored = this.scenarios.find((s) => s.id === this.id)?.name;
    if (name === undefined) {
      const proposed = stored === this.draft.name ? copyName(this.draft.name, this.scenarios.map((s) => s.name), i18n.t.copyWord) : this.draft.name;
      const answer = await this.prompt.ask({ kind: 'saveAs', name: proposed });
      if (typeof answer !== 'object') return;
      name = answer.name;
    }
    const before = { id: this.id, name: this.draft.name, autoName: this.draft.autoName };
    this.id = undefined;
    this.draft.name = name;
    if (await this.store()) return;
    // Refused (an invalid field): the editor goes back to the scenario it had open.
    this.id = before.id;
    this.draft.name = before.name;
    this.draft.autoName = before.autoName;
  }

  /** Stores a copy of a stored scenario as "<name> (copy)"; the editor is left as it is. */
  async duplicate(id: string): Promise<void> {
    const got = await this.task(() => this.api['scenarios:get']({ id }));
    if (!got) return;
    const name = copyName(got.doc.name, this.scenarios.map((s) => s.name), i18n.t.copyWord);
    if (await this.task(() => this.api['scenarios:save']({ doc: { ...got.doc, name } }))) await this.refreshList();
  }

  /** Renames a stored scenario (asking for the name when not given); an open one keeps its edits. */
  async rename(id: string, name?: string): Promise<void> {
    const got = await this.task(() => this.api['scenarios:get']({ id }));
    if (!got) return;
    if (name === undefined) {
      const answer = await this.prompt.ask({ kind: 'rename', name: got.doc.name });
      if (typeof answer !== 'object') return;
      name = answer.name;
    }
    if (!(await this.task(() => this.api['scenarios:save']({ id, doc: { ...got.doc, name } })))) return;
    if (id === this.id) {
      this.draft.name = name;
      this.draft.autoName = undefined;
      if (this.savedJson !== undefined) this.savedJson = JSON.stringify({ ...(JSON.parse(this.savedJson) as object), name });
    }
    await this.refreshList();
  }

  /**
   * Deletes a stored scenario with its runs, Undo offered for UNDO_MS. Deleting the open scenario
   * with unsaved changes asks first (Undo restores what was stored, not the changes).
   */
  async remove(id: string): Promise<void> {
    const open = id === this.id;
    const name = this.scenarios.find((s) => s.id === id)?.name ?? '';
    if (open && this.dirty && (await this.prompt.ask({ kind: 'deleteOpen', name: this.draft.name })) !== 'delete') return;
    if (!(await this.task(() => this.api['scenarios:delete']({ id })))) return;
    if (open) this.startNew(newDraft());
    this.deleted = { id, name, wasOpen: open };
    clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => (this.deleted = undefined), UNDO_MS);
    await this.refreshList();
  }

  /** Brings back the scenario just deleted, with its runs; reopens it if it was open and nothing was edited since. */
  async undoDelete(): Promise<void> {
    const gone = this.deleted;
    if (!gone) return;
    clearTimeout(this.undoTimer);
    this.deleted = undefined;
    if (!(await this.task(() => this.api['scenarios:restore']({ id: gone.id })))) return;
    await this.refreshList();
    if (gone.wasOpen && !this.dirty) await this.open(gone.id);
  }

  private async refreshList(): Promise<void> {
    const list = await this.api['scenarios:list']({});
    if (this.settle(list)) this.scenarios = list.value;
  }

  /**
   * The save itself (true on success): under the current id, or a new scenario without one. While
   * a backup is being restored the backend refuses it as busy: it is tried again (the document as
   * it is then, under the id it has then: a restore may have removed the stored scenario) until
   * the restore is over; the draft stays unsaved meanwhile. A save asked for while one waits joins it.
   */
  private async store(): Promise<boolean> {
    if (this.saveWaiting) return false;
    let json = this.docJson;
    const saved = await this.task(() =>
      untilNotBusy(
        () => {
          json = this.docJson;
          return this.api['scenarios:save']({ id: this.id, doc: this.doc });
        },
        { waitMs: this.saveRetryMs, tries: SAVE_TRIES, waiting: (on) => (this.saveWaiting = on) },
      ),
    );
    if (!saved) return false;
    this.id = saved.id;
    this.restoredAt = undefined;
    this.example = undefined;
    // Saved: the name is the user's now, no longer the app's to change.
    if (this.draft.autoName !== undefined) this.draft.autoName = undefined;
    // Edits made while saving stay unsaved.
    this.savedJson = json;
    if (this.results !== undefined && this.runId === undefined && this.resultsJson === json) {
      const run = await this.task(() => this.api['runs:create']({ scenarioId: saved.id }));
      if (run) this.showResults(run.results, run.id, json);
    }
    this.message = { kind: 'info', key: 'saved' };
    await this.refreshList();
    return true;
  }

  async showValidation(): Promise<void> {
    this.view = 'validation';
    if (this.validation) return;
    const report = await this.task(() => this.api['validation:run']({}));
    if (report) this.validation = report;
  }

  /** The scenario as a self-contained file (user-defined drugs included). */
  exportJson(download: (filename: string, text: string, type: string) => void): void {
    const base = this.draft.name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'scenario';
    download(`${base}.modulon.json`, `${JSON.stringify(this.doc, null, 2)}\n`, 'application/json');
  }

  /** Opens a scenario file as a new, unsaved scenario; a bad file is refused with its JSON path. */
  async importJson(text: string): Promise<void> {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      this.message = { kind: 'error', text: `not a JSON file (${e instanceof Error ? e.message : String(e)})` };
      return;
    }
    const parsed = parseScenario(doc);
    if (!parsed.ok) {
      this.message = { kind: 'error', text: `scenario file ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}` };
      return;
    }
    if (!(await this.confirmDiscard())) return;
    this.restoredAt = undefined;
    this.id = undefined;
    this.example = undefined;
    this.draft = fromDoc(doc as ScenarioInput);
    this.savedJson = undefined;
    this.clearResults();
    this.message = undefined;
  }

  /**
   * A report (HTML, PDF or long CSV) in the given language: of the stored run when that is what
   * is shown, else of the scenario as the form has it now (the backend runs it).
   */
  async exportReport(format: ReportFormat, lang: ReportLang): Promise<ReportFile | undefined> {
    const source = this.canExport && this.runId !== undefined ? { runId: this.runId } : { scenario: this.doc };
    return this.task(() => this.api['reports:export']({ ...source, format, lang }));
  }

  /** Asks the backend for the CSV of the stored run and hands it to `download`. */
  async exportCsv(download: (filename: string, text: string) => void, grid?: CsvGrid): Promise<void> {
    if (this.runId === undefined) return;
    const file = await this.task(() => this.api['runs:exportCsv']({ id: this.runId as string, ...(grid ? { grid } : {}) }));
    if (file) download(file.filename, file.csv);
  }

  /** A live preview of the document `json` (not stored); a run of that very document already shown stays. */
  showPreview(results: Results, json: string): void {
    if (this.resultsJson !== json) this.showResults(results, undefined, json);
  }

  private showResults(results: Results, runId: string | undefined, json: string): void {
    this.results = results;
    this.resultsJson = json;
    this.runId = runId;
  }

  private clearResults(): void {
    this.results = undefined;
    this.resultsJson = undefined;
    this.runId = undefined;
  }

  private async task<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    this.busy = true;
    try {
      const result = await call();
      return this.settle(result) ? result.value : undefined;
    } finally {
      this.busy = false;
    }
  }

  /** True on success; on failure the error becomes the visible message (a restore in progress in the page's language). */
  private settle<T>(result: Result<T>): result is { ok: true; value: T } {
    if (result.ok) return true;
    this.message = { kind: 'error', text: result.error.code === 'busy' ? i18n.t.restoreBusy : result.error.message };
    return false;
  }
}
