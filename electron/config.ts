// The shell's small files in Electron's userData folder: the data folder chosen in Settings
// (settings.json), read at start and applied on the next start. Written whole (temp file, rename).
import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { DataFolderInfo } from './menu-commands.ts';

export const SETTINGS_FILE = 'settings.json';

/** A JSON file's content, or undefined when it is missing or unreadable (a default applies then). */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, file);
}

export interface ShellSettings {
  /** The data folder chosen in Settings (absolute); absent: the default. */
  dataDir?: string;
}

export function readSettings(userData: string): ShellSettings {
  const raw = readJson(join(userData, SETTINGS_FILE)) as Record<string, unknown> | undefined;
  const dataDir = raw?.dataDir;
  return typeof dataDir === 'string' && isAbsolute(dataDir) ? { dataDir } : {};
}

export function writeSettings(userData: string, settings: ShellSettings): void {
  writeJson(join(userData, SETTINGS_FILE), settings);
}

/** The data folder of this start: MODULON_DATA, else the one chosen in Settings, else the default. */
export function resolveDataDir(env: NodeJS.ProcessEnv, settings: ShellSettings, defaultDir: string): string {
  return env.MODULON_DATA || settings.dataDir || defaultDir;
}

export function dataFolderInfo(current: string, env: NodeJS.ProcessEnv, settings: ShellSettings, defaultDir: string): DataFolderInfo {
  const next = resolveDataDir(env, settings, defaultDir);
  return { current, ...(next !== current ? { next } : {}), defaultDir, fromEnvironment: Boolean(env.MODULON_DATA) };
}

/** Why a folder cannot be the data folder, in one sentence; undefined when it can. */
export function folderProblem(dir: string): string | undefined {
  if (!isAbsolute(dir)) return `${dir} is not an absolute path`;
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
    accessSync(dir, constants.R_OK | constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${dir} does not exist`;
    return `Modulon cannot write in ${dir} (${code ?? 'error'})`;
  }
  return undefined;
}
