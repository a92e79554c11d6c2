// The unsaved-changes prompt when a window closes (and so when the app quits): the page reports
// whether it has unsaved edits; closing then asks Save / Don't save / Cancel. Save asks the page
// to save and closes only once it answers that the edits are stored.

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the page last reported: unsaved edits, the scenario's name and the interface language. */
export interface PageState {
  dirty: boolean;
  name?: string;
  lang?: 'en' | 'zh';
}

export function isPageState(value: unknown): value is PageState {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.dirty === 'boolean' &&
    (v.name === undefined || (typeof v.name === 'string' && v.name.length <= 500)) &&
    (v.lang === undefined || v.lang === 'en' || v.lang === 'zh')
  );
}

export interface GuardedWindow {
  close(): void;
  isDestroyed(): boolean;
}

export interface CloseGuardOptions {
  /** Shows the prompt; resolves with the user's choice. */
  ask(state: PageState): Promise<CloseChoice>;
  /** Asks the page to save (MENU_CHANNEL 'save-for-close'); it answers through `saveDone`. */
  requestSave(): void;
  /** The close did not happen (Cancel, a failed save, no answer): an app quit in progress stops. */
  onAbandoned?(): void;
  /** The window is closing after the prompt: an app quit in progress goes on. */
  onProceed?(): void;
  /** How long to wait for the page's answer to a save (default 60 s). */
  saveTimeoutMs?: number;
}

type Phase = 'idle' | 'asking' | 'saving' | 'closing';

export class CloseGuard {
  state: PageState = { dirty: false };
  private phase: Phase = 'idle';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly window: GuardedWindow;
  private readonly options: CloseGuardOptions;

  constructor(window: GuardedWindow, options: CloseGuardOptions) {
    this.window = window;
    this.options = options;
  }

  /** The window's 'close' event: lets it through, or prevents it and asks. */
  onClose(event: { preventDefault(): void }): void {
    if (this.phase === 'closing' || !this.state.dirty) return;
    event.preventDefault();
    if (this.phase !== 'idle') return;
    this.phase = 'asking';
    this.options.ask(this.state).then(
      (choice) => this.answer(choice),
      (e: unknown) => {
        console.error('Modulon: the unsaved-changes prompt failed', e);
        this.answer('cancel');
      },
    );
  }

  setState(state: PageState): void {
    this.state = state;
  }

  /** The page's answer to a save-for-close: true when its edits are stored. */
  saveDone(ok: boolean): void {
    if (this.phase !== 'saving') return;
    clearTimeout(this.timer);
    if (ok) this.closeNow();
    else this.abandon();
  }

  private answer(choice: CloseChoice): void {
    if (this.window.isDestroyed()) return;
    if (choice === 'cancel') return this.abandon();
    if (choice === 'discard') return this.closeNow();
    this.phase = 'saving';
    this.timer = setTimeout(() => {
      console.warn('Modulon: the page did not answer the save before closing; the window stays open');
      this.abandon();
    }, this.options.saveTimeoutMs ?? 60_000);
    this.options.requestSave();
  }

  private closeNow(): void {
    this.phase = 'closing';
    this.options.onProceed?.();
    if (!this.window.isDestroyed()) this.window.close();
  }

  private abandon(): void {
    this.phase = 'idle';
    this.options.onAbandoned?.();
  }
}

const PROMPT = {
  en: {
    message: (name: string | undefined) => (name ? `Save the changes to “${name}” before closing?` : 'Save the changes to this scenario before closing?'),
    detail: 'If you do not save, your changes are lost.',
    buttons: ['Save', "Don't Save", 'Cancel'],
  },
  zh: {
    message: (name: string | undefined) => (name ? `关闭前保存对“${name}”的更改吗？` : '关闭前保存对此情景的更改吗？'),
    detail: '如果不保存，您的更改将会丢失。',
    buttons: ['保存', '不保存', '取消'],
  },
} as const;

/** The native message box options of the prompt, in the page's language; buttons in CloseChoice order. */
export function promptOptions(state: PageState): { type: 'warning'; message: string; detail: string; buttons: string[]; defaultId: 0; cancelId: 2; noLink: true } {
  const text = PROMPT[state.lang ?? 'en'];
  return { type: 'warning', message: text.message(state.name), detail: text.detail, buttons: [...text.buttons], defaultId: 0, cancelId: 2, noLink: true };
}

export const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];
