// The one-screen workbench's state: the saved scenarios, the scenario being edited, its results.
import type { AppApi, DrugSummary, ReportFile, ReportFormat, ReportLang, Result, ScenarioSummary, ValidationReport } from '../../src-engine/contract/app-api.ts';
import { parseScenario, type CustomDrugInput, type FieldError, type Results, type ScenarioInput } from '../../src-engine/index.ts';
import { DraftEditor } from './draft-editor.svelte.ts';
import { fromDoc, newDraft } from './draft.ts';

/** Info messages are string keys (translated on display); errors come from the backend as text. */
export type Message = { kind: 'info'; key: 'saved' } | { kind: 'error'; text: string };

export class Workbench extends DraftEditor {
  scenarios = $state.raw<ScenarioSummary[]>([]);
  /** Built-in drugs and the user's drug library, from the backend. */
  drugs = $state.raw<DrugSummary[]>([]);
  /** The user's drug library, as defined (to copy into scenarios that use a drug). */
  customLibrary = $state.raw<CustomDrugInput[]>([]);
  /** Stored id of the scenario being edited; undefined until first saved. */
  id = $state<string | undefined>();
  /** JSON of the document last saved or opened: the draft is dirty when it differs. */
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

  dirty = $derived(this.savedJson !== this.docJson);
  canExport = $derived(this.runId !== undefined && !this.dirty && this.resultsJson === this.docJson);
  private readonly api: AppApi;

  constructor(api: AppApi) {
    super();
    this.api = api;
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

  newScenario(): void {
    this.id = undefined;
    this.draft = newDraft();
    this.savedJson = undefined;
    this.clearResults();
    this.message = undefined;
  }

  async open(id: string): Promise<void> {
    const got = await this.task(() => this.api['scenarios:get']({ id }));
    if (!got) return;
    this.id = got.id;
    this.draft = fromDoc(got.doc);
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

  /** Saves the scenario; results previewed for exactly this document are stored as its run. */
  async save(): Promise<void> {
    const json = this.docJson;
    const saved = await this.task(() => this.api['scenarios:save']({ id: this.id, doc: this.doc }));
    if (!saved) return;
    this.id = saved.id;
    // Edits made while saving stay unsaved.
    this.savedJson = json;
    if (this.results !== undefined && this.runId === undefined && this.resultsJson === json) {
      const run = await this.task(() => this.api['runs:create']({ scenarioId: saved.id }));
      if (run) this.showResults(run.results, run.id, json);
    }
    this.message = { kind: 'info', key: 'saved' };
    const list = await this.api['scenarios:list']({});
    if (this.settle(list)) this.scenarios = list.value;
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
  importJson(text: string): void {
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
    this.id = undefined;
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
  async exportCsv(download: (filename: string, text: string) => void): Promise<void> {
    if (this.runId === undefined) return;
    const file = await this.task(() => this.api['runs:exportCsv']({ id: this.runId as string }));
    if (file) download(file.filename, file.csv);
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

  /** True on success; on failure the error becomes the visible message. */
  private settle<T>(result: Result<T>): result is { ok: true; value: T } {
    if (result.ok) return true;
    this.message = { kind: 'error', text: result.error.message };
    return false;
  }
}
