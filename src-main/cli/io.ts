// What every command of the command line shares: exit codes, the output streams, the usage error.

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

/** An expected failure caused by the user's input: printed as one message, exit code 2. */
export class UsageError extends Error {}

/** An expected failure of the machine (no Chromium for a PDF): one message, exit code 1, no stack. */
export class UnavailableError extends Error {}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}
