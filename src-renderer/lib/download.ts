// Files the app hands to the user: a Blob behind a temporary link, which web mode and Electron's
// window download the same way. Report files come back as UTF-8 text or base64 (PDF).
import type { ReportFile } from '../../src-engine/contract/app-api.ts';

/** The file's bytes as a Blob of its type (base64 decoded). */
export function reportBlob(file: Pick<ReportFile, 'mime' | 'encoding' | 'content'>): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: file.mime });
  const bin = atob(file.content);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text as a UTF-8 file (CSV, the scenario's JSON). */
export function download(filename: string, text: string, type = 'text/csv'): void {
  saveBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

export function downloadReport(file: ReportFile): void {
  saveBlob(file.filename, reportBlob(file));
}
