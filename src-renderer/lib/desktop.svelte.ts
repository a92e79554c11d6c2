// The page's side of the desktop shell: menu commands act on the workbench, the page reports its
// unsaved state (for the quit prompt) and the stored scenarios it opens (for Open Recent), and
// exports go through the native save dialog. Web mode has no shell and never calls this.
import { untrack } from 'svelte';
import { runCommand } from './desktop.ts';
import { i18n } from './i18n.svelte.ts';
import type { DesktopShell, Settings } from './settings.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

/** Wires the shell to the page for the life of the page. */
export function connectDesktop(shell: DesktopShell, bench: Workbench, settings: Settings): void {
  shell.onMenu((command, detail) => void runCommand(shell, bench, settings, i18n.lang, command, detail));
  $effect.root(() => {
    $effect(() => shell.setState({ dirty: bench.dirty, name: bench.draft.name, lang: i18n.lang }));
    $effect(() => {
      const id = bench.id;
      const saved = bench.savedJson;
      if (id === undefined || saved === undefined) return;
      untrack(() => {
        if (!bench.dirty) shell.opened({ id, name: bench.draft.name });
      });
    });
  });
}
