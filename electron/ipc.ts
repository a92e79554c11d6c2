// Wires the AppApi to IPC: one `ipcMain.handle` per contract method, channel = method name, each
// checking its sender before the call reaches the backend. Errors go back as data (STYLE.md).
import type { IpcMainInvokeEvent } from 'electron';
import { METHODS, type Result } from '../src-engine/contract/app-api.ts';
import type { Backend } from '../src-main/api/app-api.ts';

/** The part of Electron's `ipcMain` used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** What an untrusted sender gets back: a refusal as data, the backend is never called. */
export const UNTRUSTED_SENDER: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'invalid', message: 'IPC sender not trusted: calls are accepted only from the Modulon window showing its own page' }),
}) as Result<never>;

export interface RegisterIpcOptions {
  /** Where refused calls are reported (default: console.warn). */
  warn?: (message: string) => void;
}

/** Registers every method; returns a function that removes the handlers again. */
export function registerIpc(
  ipcMain: IpcMainLike,
  backend: Pick<Backend, 'dispatch'>,
  isTrustedSender: SenderCheck,
  options: RegisterIpcOptions = {},
): () => void {
  const warn = options.warn ?? ((message) => console.warn(message));
  for (const method of METHODS) {
    ipcMain.handle(method, async (event, input): Promise<Result<unknown>> => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event);
      } catch {
        trusted = false;
      }
      if (!trusted) {
        warn(`Modulon: refused IPC call ${method} from an untrusted sender (${describeSender(event)})`);
        return UNTRUSTED_SENDER;
      }
      return backend.dispatch(method, input);
    });
  }
  return () => {
    for (const method of METHODS) ipcMain.removeHandler(method);
  };
}

function describeSender(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? 'no frame';
  } catch {
    return 'frame gone';
  }
}
