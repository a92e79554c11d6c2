// The compare view's state: the base (the scenario in the editor when the comparison started), the
// arms (each a scenario edited with the same editor), the analysis options, the last run, and the
// saved comparisons. Documents are built by the pure functions of comparison.ts.
import type { AppApi, ComparisonRun, ComparisonSummary, DrugSummary, ReportFile, ReportFormat, ReportLang, Result } from '../../src-engine/contract/app-api.ts';
import type { CustomDrugInput, FieldError, ScenarioInput } from '../../src-engine/index.ts';
import { armsOf, canonical, comparisonDoc, parseTimes, uniqueName, type ArmOrigin } from './comparison.ts';
import { DraftEditor } from './draft-editor.svelte.ts';
import { fromDoc } from './draft.ts';
import type { Workbench } from './workbench.svelte.ts';

/** An arm's scenario in the editor, with the workbench's drug lists and library. */
export class ArmEditor extends DraftEditor {
  private readonly bench: Workbench;

  constructor(bench: Workbench, doc: ScenarioInput) {
    super();
    this.bench = bench;
    this.draft = fromDoc(doc);
  }

  protected override knownDrugs(): DrugSummary[] {
    return this.bench.drugs;
  }

  protected override libraryDrugs(): CustomDrugInput[] {
    return this.bench.customLibrary;
  }

  get customLibrary(): CustomDrugInput[] {
    return this.bench.customLibrary;
  }

  saveCustomDrug(input: CustomDrugInput): Promise<FieldError[]> {
    return this.bench.saveCustomDrug(input);
  }

  deleteCustomDrug(id: string): Promise<void> {
    return this.bench.deleteCustomDrug(id);
  }
}

export interface Arm {
  editor: ArmEditor;
  origin: ArmOrigin;
}

export const MAX_ARMS = 6;

export class Comparer {
  name = $state('');
  base = $state.raw<ScenarioInput | undefined>();
  arms = $state.raw<Arm[]>([]);
  /** Index of the arm whose editor is open. */
  editing = $state<number | undefined>();
  reference = $state(0);
  /** Times of the value-at columns as typed ("1d, 2w"); empty for the defaults. */
  times = $state('');
  diff = $state(false);
  run = $state.raw<ComparisonRun | undefined>();
  /** Canonical JSON of the document the shown run was computed from. */
  runJson = $state<string | undefined>();
  /** Stored id of the comparison; undefined until saved. */
  id = $state<string | undefined>();
  savedJson = $state<string | undefined>();
  list = $state.raw<ComparisonSummary[]>([]);
  busy = $state(false);
  /** The backend's refusal (with the fields at fault), or undefined. */
  error = $state.raw<{ message: string; fields: FieldError[] } | undefined>();
  savedNote = $state(false);

  doc = $derived(
    comparisonDoc(
      this.name,
      this.base,
      this.arms.map((a) => ({ doc: a.editor.doc, origin: a.origin })),
      {
        ...(this.arms[this.reference] ? { reference: this.arms[this.reference]!.editor.doc.name } : {}),
        ...(parseTimes(this.times).length > 0 ? { at: parseTimes(this.times) } : {}),
      },
    ),
  );
  docJson = $derived(canonical(this.doc));
  /** Arms whose form has errors (the engine's live validation), by index. */
  armErrors = $derived(this.arms.map((a) => a.editor.errors.length));
  canRun = $derived(this.arms.length >= 2 && this.arms.length <= MAX_ARMS && this.armErrors.every((n) => n === 0));
  stale = $derived(this.run !== undefined && this.runJson !== this.docJson);
  dirty = $derived(this.savedJson !== this.docJson);

  private readonly api: AppApi;
  private readonly bench: Workbench;

  constructor(api: AppApi, bench: Workbench) {
    this.api = api;
    this.bench = bench;
  }

  private arm(doc: ScenarioInput, origin: ArmOrigin): Arm {
    return { editor: new ArmEditor(this.bench, $state.snapshot(doc) as ScenarioInput), origin };
  }

  private names(): string[] {
    return this.arms.map((a) => a.editor.draft.name);
  }

  /** A new comparison from the scenario in the editor: the base as it is, and a copy of it to change. */
  startFromEditor(): void {
    const base = $state.snapshot(this.bench.doc) as ScenarioInput;
    this.base = base;
    this.arms = [this.arm(base, { kind: 'base' }), this.arm({ ...base, name: uniqueName(base.name, [base.name]) }, { kind: 'base' })];
    this.name = '';
    this.reference = 0;
    this.times = '';
    this.editing = 1;
    this.id = undefined;
    this.savedJson = undefined;
    this.run = undefined;
    this.runJson = undefined;
    this.error = undefined;
  }

  /** A copy of an arm (of the base when there is one, else of the arm itself). */
  duplicate(index: number): void {
    const from = this.arms[index];
    if (!from || this.arms.length >= MAX_ARMS) return;
    const doc = $state.snapshot(from.editor.doc) as ScenarioInput;
    this.arms = [...this.arms, this.arm({ ...doc, name: uniqueName(doc.name, this.names()) }, from.origin.kind === 'stored' ? { kind: 'own' } : from.origin)];
    this.editing = this.arms.length - 1;
  }

  addBaseCopy(): void {
    if (!this.base || this.arms.length >= MAX_ARMS) return;
    this.arms = [...this.arms, this.arm({ ...this.base, name: uniqueName(this.base.name, this.names()) }, { kind: 'base' })];
    this.editing = this.arms.length - 1;
  }

  async addStored(scenarioId: string): Promise<void> {
    if (this.arms.length >= MAX_ARMS) return;
    const got = await this.call(() => this.api['scenarios:get']({ id: scenarioId }));
    if (!got) return;
    const name = uniqueName(got.doc.name, this.names());
    this.arms = [...this.arms, this.arm({ ...got.doc, name }, { kind: 'stored', scenarioId, stored: got.doc })];
  }

  remove(index: number): void {
    this.arms = this.arms.filter((_, i) => i !== index);
    if (this.reference >= this.arms.length || this.reference === index) this.reference = 0;
    else if (this.reference > index) this.reference--;
    if (this.editing === index) this.editing = undefined;
    else if (this.editing !== undefined && this.editing > index) this.editing--;
  }

  async runComparison(): Promise<void> {
    const json = this.docJson;
    const run = await this.call(() => this.api['compare:run']({ doc: this.doc, seriesOnly: true }));
    if (!run) return;
    this.run = run;
    this.runJson = json;
  }

  async loadList(): Promise<void> {
    const list = await this.api['comparisons:list']({});
    if (list.ok) this.list = list.value;
  }

  async save(): Promise<void> {
    const json = this.docJson;
    const saved = await this.call(() => this.api['comparisons:save']({ ...(this.id ? { id: this.id } : {}), doc: this.doc }));
    if (!saved) return;
    this.id = saved.id;
    this.savedJson = json;
    this.savedNote = true;
    await this.loadList();
  }

  async open(id: string): Promise<void> {
    const got = await this.call(() => this.api['comparisons:get']({ id }));
    if (!got) return;
    const doc = got.doc;
    this.base = doc.base;
    this.arms = armsOf(doc).map((a) => this.arm(a.doc, a.origin));
    this.name = doc.name;
    const ref = doc.reference === undefined ? 0 : doc.arms.findIndex((a) => a.name.trim().toLowerCase() === doc.reference?.trim().toLowerCase());
    this.reference = Math.max(0, ref);
    this.times = (doc.at ?? []).join(', ');
    this.editing = undefined;
    this.id = got.id;
    this.run = undefined;
    this.runJson = undefined;
    // What reopens is the document the view makes from it (stored scenarios copied in).
    this.savedJson = this.docJson;
    await this.runComparison();
  }

  async delete(id: string): Promise<void> {
    if ((await this.call(() => this.api['comparisons:delete']({ id }))) === undefined) return;
    if (this.id === id) {
      this.id = undefined;
      this.savedJson = undefined;
    }
    await this.loadList();
  }

  /** A report of the comparison: the stored one while unchanged, else the document as it stands. */
  async exportReport(format: ReportFormat, lang: ReportLang): Promise<ReportFile | undefined> {
    const source = this.id !== undefined && !this.dirty ? { comparisonId: this.id } : { comparison: this.doc };
    return this.call(() => this.api['reports:export']({ ...source, format, lang }));
  }

  private async call<T>(fn: () => Promise<Result<T>>): Promise<T | undefined> {
    this.busy = true;
    this.error = undefined;
    this.savedNote = false;
    try {
      const out = await fn();
      if (out.ok) return out.value;
      this.error = { message: out.error.message, fields: out.error.fields ?? [] };
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
