// File ▸ Open Recent: stored scenarios the user opened or saved and scenario files opened, newest
// first, kept in userData/recent.json across starts.
import { basename, join } from 'node:path';
import { readJson, writeJson } from './config.ts';

export const RECENT_FILE = 'recent.json';
export const RECENT_MAX = 10;

export type RecentEntry = { kind: 'scenario'; id: string; name: string } | { kind: 'file'; path: string; name: string };

const sameItem = (a: RecentEntry, b: RecentEntry): boolean =>
  a.kind === 'scenario' ? b.kind === 'scenario' && a.id === b.id : b.kind === 'file' && a.path === b.path;

/** The list with `entry` first (an older mention of the same item removed), at most RECENT_MAX long. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return [entry, ...list.filter((e) => !sameItem(e, entry))].slice(0, RECENT_MAX);
}

export function removeRecent(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return list.filter((e) => !sameItem(e, entry));
}

function isEntry(value: unknown): value is RecentEntry {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || typeof v.name !== 'string') return false;
  return (v.kind === 'scenario' && typeof v.id === 'string') || (v.kind === 'file' && typeof v.path === 'string');
}

export function readRecent(userData: string): RecentEntry[] {
  const raw = readJson(join(userData, RECENT_FILE));
  return Array.isArray(raw) ? raw.filter(isEntry).slice(0, RECENT_MAX) : [];
}

export function writeRecent(userData: string, list: readonly RecentEntry[]): void {
  writeJson(join(userData, RECENT_FILE), list);
}

/** A file entry named after the file without its .modulon.json / .json ending. */
export function fileEntry(path: string): RecentEntry {
  return { kind: 'file', path, name: basename(path).replace(/(\.modulon)?\.json$/i, '') };
}
