// The unsaved-changes prompt on close: Save (closes once the page says it saved), Don't save,
// Cancel, a failed save, no answer, a clean window that closes without asking.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHOICES, CloseGuard, isPageState, promptOptions, type CloseChoice, type CloseGuardOptions } from './close-guard.ts';

function setup(choice: CloseChoice | Promise<CloseChoice>, extra: Partial<CloseGuardOptions> = {}) {
  const window = { close: vi.fn(), isDestroyed: vi.fn(() => false) };
  const options = {
    ask: vi.fn(async () => choice),
    requestSave: vi.fn(),
    onAbandoned: vi.fn(),
    onProceed: vi.fn(),
    ...extra,
  };
  const guard = new CloseGuard(window, options);
  const closeEvent = () => {
    const event = { preventDefault: vi.fn() };
    guard.onClose(event);
    return event;
  };
  return { window, options, guard, closeEvent };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('CloseGuard', () => {
  it('lets a window without unsaved edits close without asking', () => {
    const { options, closeEvent } = setup('save');
    expect(closeEvent().preventDefault).not.toHaveBeenCalled();
    expect(options.ask).not.toHaveBeenCalled();
  });

  it('Save: stops the close, asks the page to save, and closes once it answers that it saved', async () => {
    const { window, options, guard, closeEvent } = setup('save');
    guard.setState({ dirty: true, name: 'Ketamine in TRD', lang: 'en' });
    expect(closeEvent().preventDefault).toHaveBeenCalledTimes(1);
    expect(options.ask).toHaveBeenCalledWith({ dirty: true, name: 'Ketamine in TRD', lang: 'en' });
    await settle();
    expect(options.requestSave).toHaveBeenCalledTimes(1);
    expect(window.close).not.toHaveBeenCalled();
    guard.saveDone(true);
    expect(options.onProceed).toHaveBeenCalledTimes(1);
    expect(window.close).toHaveBeenCalledTimes(1);
    // The close that follows goes through without a second prompt, even before the page reports clean.
    expect(closeEvent().preventDefault).not.toHaveBeenCalled();
    expect(options.ask).toHaveBeenCalledTimes(1);
  });

  it('Save that fails (the scenario has errors): the window stays open and a quit in progress stops', async () => {
    const { window, options, guard, closeEvent } = setup('save');
    guard.setState({ dirty: true });
    closeEvent();
    await settle();
    guard.saveDone(false);
    expect(window.close).not.toHaveBeenCalled();
    expect(options.onAbandoned).toHaveBeenCalledTimes(1);
    // Asked again on the next close.
    expect(closeEvent().preventDefault).toHaveBeenCalled();
    expect(options.ask).toHaveBeenCalledTimes(2);
  });

  it("Don't save: closes without asking the page to save", async () => {
    const { window, options, guard, closeEvent } = setup('discard');
    guard.setState({ dirty: true });
    closeEvent();
    await settle();
    expect(options.requestSave).not.toHaveBeenCalled();
    expect(window.close).toHaveBeenCalledTimes(1);
    expect(options.onProceed).toHaveBeenCalledTimes(1);
  });

  it('Cancel: nothing closes, nothing is saved, a quit in progress stops', async () => {
    const { window, options, guard, closeEvent } = setup('cancel');
    guard.setState({ dirty: true });
    closeEvent();
    await settle();
    expect(window.close).not.toHaveBeenCalled();
    expect(options.requestSave).not.toHaveBeenCalled();
    expect(options.onAbandoned).toHaveBeenCalledTimes(1);
    // A late "saved" from the page does not close the window behind the user's back.
    guard.saveDone(true);
    expect(window.close).not.toHaveBeenCalled();
  });

  it('asks once while the prompt is open (a second close, Cmd+Q during the prompt)', async () => {
    let answer!: (c: CloseChoice) => void;
    const { options, guard, closeEvent } = setup(new Promise<CloseChoice>((r) => (answer = r)));
    guard.setState({ dirty: true });
    closeEvent();
    expect(closeEvent().preventDefault).toHaveBeenCalled();
    expect(options.ask).toHaveBeenCalledTimes(1);
    answer('cancel');
    await settle();
    expect(options.onAbandoned).toHaveBeenCalledTimes(1);
  });

  it('keeps the window open when the page never answers the save', async () => {
    vi.useFakeTimers();
    const { window, options, guard, closeEvent } = setup('save', { saveTimeoutMs: 5000 });
    guard.setState({ dirty: true });
    closeEvent();
    await vi.advanceTimersByTimeAsync(0);
    expect(options.requestSave).toHaveBeenCalled();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(options.onAbandoned).toHaveBeenCalledTimes(1);
    guard.saveDone(true);
    expect(window.close).not.toHaveBeenCalled();
  });

  it('does nothing once the window is gone', async () => {
    const { window, guard, closeEvent } = setup('discard');
    guard.setState({ dirty: true });
    window.isDestroyed.mockReturnValue(true);
    closeEvent();
    await settle();
    expect(window.close).not.toHaveBeenCalled();
  });
});

describe('the prompt', () => {
  it('names the scenario, in the page language, with Save first and Cancel as the escape', () => {
    const en = promptOptions({ dirty: true, name: 'Sertraline' });
    expect(en).toMatchObject({ message: 'Save the changes to “Sertraline” before closing?', buttons: ['Save', "Don't Save", 'Cancel'], defaultId: 0, cancelId: 2 });
    const zh = promptOptions({ dirty: true, name: '舍曲林', lang: 'zh' });
    expect(zh.message).toBe('关闭前保存对“舍曲林”的更改吗？');
    expect(zh.buttons).toEqual(['保存', '不保存', '取消']);
    // Button order matches the choices the answer is read from.
    expect(CHOICES).toEqual(['save', 'discard', 'cancel']);
  });

  it('accepts only a well-formed page state', () => {
    expect(isPageState({ dirty: true, name: 'x', lang: 'zh' })).toBe(true);
    expect(isPageState({ dirty: 'yes' })).toBe(false);
    expect(isPageState({ dirty: true, lang: 'fr' })).toBe(false);
    expect(isPageState({ dirty: true, name: 'x'.repeat(501) })).toBe(false);
    expect(isPageState(null)).toBe(false);
  });
});
