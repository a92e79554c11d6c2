// Where Modulon keeps its data when no --data folder is given: the same folder Electron's
// app.getPath('userData') uses for an app named "Modulon", so desktop and web mode share it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Modulon');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Modulon');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Modulon');
}
