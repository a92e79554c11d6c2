// The library's state beside the workbench: the questions it asks (unsaved changes, save under a
// new name, the name of a copy), the undo of a delete, and the working copy kept (by the backend,
// in the data folder) so that unsaved edits survive a crash, a reload or a change of origin.
import { readWorkingCopy, type WorkingCopy } from './library.ts';

/** What the dialog asks; each answer is one of `choices` (or the typed name for `saveAs`/`rename`). */
export type Question =
  | { kind: 'discard'; name: string }
  | { kind: 'renameSave'; from: string; to: string }
  | { kind: 'deleteOpen'; name: string }
  | { kind: 'saveAs'; name: string }
  | { kind: 'rename'; name: string };

export type Answer = 'save' | 'discard' | 'cancel' | 'rename' | 'copy' | 'delete' | { name: string };

/** One question at a time, answered through the dialog component (LibraryDialog.svelte). */
export class Prompter {
  current = $state.raw<{ question: Question; answer: (a: Answer) => void } | undefined>();

  ask(question: Question): Promise<Answer> {
    // A new question cancels one left open (a menu command while the dialog shows).
    this.current?.answer('cancel');
    return new Promise((resolve) => {
      const entry = {
        question,
        answer: (a: Answer) => {
          if (this.current === entry) this.current = undefined;
          resolve(a);
        },
      };
      this.current = entry;
    });
  }
}

/** A deleted scenario that Undo can bring back, for `UNDO_MS`. */
export interface Deleted {
  id: string;
  name: string;
  /** It was open in the editor: Undo opens it again. */
  wasOpen: boolean;
}

export const UNDO_MS = 10_000;

/** The part of the workbench the working copy reads and restores. */
export interface WorkingCopyHost {
  readonly dirty: boolean;
  readonly docJson: string;
  readonly doc: WorkingCopy['doc'];
  readonly id: string | undefined;
  readonly savedJson: string | undefined;
  readonly draft: { autoName?: string };
  /** The example whose name and description the draft still shows (they follow the language). */
  readonly example: string | undefined;
}

/** Where the working copy goes: null once there is none. */
export type PutWorkingCopy = (copy: WorkingCopy | null) => void;

/** How long after the last edit the working copy is written. */
const AUTOSAVE_MS = 300;

/**
 * Keeps the working copy through `put` while the editor has unsaved changes (null once they are
 * saved or discarded), AUTOSAVE_MS after the last edit. Returns the function that stops it.
 */
export function keepWorkingCopy(host: WorkingCopyHost, put: PutWorkingCopy, now: () => Date = () => new Date()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    if (!host.dirty) return put(null);
    put(
      {
        v: 1,
        doc: host.doc,
        ...(host.id !== undefined ? { id: host.id } : {}),
        ...(host.savedJson !== undefined ? { savedJson: host.savedJson } : {}),
        ...(host.draft.autoName !== undefined ? { autoName: host.draft.autoName } : {}),
        ...(host.example !== undefined ? { example: host.example } : {}),
        savedAt: now().toISOString(),
      },
    );
  };
  const stop = $effect.root(() => {
    $effect(() => {
      // Read what the copy depends on, so that every edit schedules a write.
      void host.docJson;
      void host.dirty;
      void host.id;
      void host.example;
      clearTimeout(timer);
      timer = setTimeout(write, AUTOSAVE_MS);
    });
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
  // A reload or a closed tab must not lose the last 300 ms of typing.
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    flush();
    globalThis.removeEventListener?.('pagehide', flush);
    stop();
  };
}

/** The working copy a previous session left in this page's storage (the fallback), if any. */
export function takeWorkingCopy(storage: Storage, key: string): WorkingCopy | undefined {
  try {
    return readWorkingCopy(storage.getItem(key));
  } catch {
    return undefined;
  }
}
