/**
 * Where Byline keeps settings and (later) the crash journal: `BYLINE_USER_DATA`
 * when set, else the platform's user-data folder — the same folder Electron's
 * `app.getPath('userData')` would pick for an app named "Byline", so both
 * shells share one profile.
 */
import path from 'node:path';
import os from 'node:os';

export const APP_NAME = 'Byline';

export function resolveProfileDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.BYLINE_USER_DATA?.trim();
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}
