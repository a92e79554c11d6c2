// Menu commands of the desktop shell acting on the workbench (pure of Svelte, tested under Node):
// new, open a file or a stored scenario, save, save as, the save a closing window asks for, run,
// export through the native save dialog, settings.
import type { ReportFile } from '../../src-engine/contract/app-api.ts';
import type { ExportFormat, MenuCommand, MenuDetail } from '../../src-engine/contract/shell.ts';
import type { DesktopShell } from './settings.ts';
import type { Workbench } from './workbench.svelte.ts';

/** The workbench as the commands use it (its library calls may be async or not). */
export interface Bench {
  view: 'workbench' | 'validation' | 'compare';
  readonly dirty: boolean;
  message: Workbench['message'];
  newScenario(): unknown;
  open(id: string): Promise<void>;
  importJson(text: string): unknown;
  save(): Promise<void>;
  /** Save under a new name (the library asks for it). */
  saveAs(name?: string): Promise<void>;
  run(): Promise<void>;
  exportReport: Workbench['exportReport'];
  exportJson: Workbench['exportJson'];
}

/** Runs one menu command; resolves when it is done (tests await it). */
export async function runCommand(shell: DesktopShell, bench: Bench, settings: { show(): Promise<void> }, lang: 'en' | 'zh', command: MenuCommand, detail?: MenuDetail): Promise<void> {
  const toWorkbench = () => {
    bench.view = 'workbench';
  };
  switch (command) {
    case 'new-scenario':
      toWorkbench();
      await bench.newScenario();
      return;
    case 'open-file':
      if (detail && 'text' in detail) {
        toWorkbench();
        await bench.importJson(detail.text);
      }
      return;
    case 'open-scenario':
      if (detail && 'id' in detail) {
        toWorkbench();
        await bench.open(detail.id);
      }
      return;
    case 'save':
      await bench.save();
      return;
    case 'save-as':
      await bench.saveAs();
      return;
    case 'save-for-close': {
      // The window closes only when this says the edits are stored (a refused save keeps it open).
      let ok = false;
      try {
        await bench.save();
        ok = !bench.dirty;
      } finally {
        shell.saveDone(ok);
      }
      return;
    }
    case 'run':
      toWorkbench();
      await bench.run();
      return;
    case 'export':
      if (detail && 'format' in detail) await exportFile(shell, bench, detail.format, lang);
      return;
    case 'settings':
      await settings.show();
      return;
  }
}

async function exportFile(shell: DesktopShell, bench: Bench, format: ExportFormat, lang: 'en' | 'zh'): Promise<void> {
  const save = async (file: Pick<ReportFile, 'filename' | 'mime' | 'encoding' | 'content'>) => {
    const out = await shell.saveFile({ filename: file.filename, mime: file.mime, encoding: file.encoding, content: file.content });
    if (!out.saved && out.error) bench.message = { kind: 'error', text: out.error };
  };
  if (format === 'json') {
    let file: Pick<ReportFile, 'filename' | 'mime' | 'encoding' | 'content'> | undefined;
    bench.exportJson((filename, text, type) => (file = { filename, mime: type, encoding: 'utf8', content: text }));
    if (file) await save(file);
    return;
  }
  const file = await bench.exportReport(format, lang === 'zh' ? 'zh-CN' : 'en');
  if (file) await save(file);
}

