/**
 * Chooses the shell for `npm start` and `byline FILE...`: runs Byline in Electron when its binary is
 * installed, else in the Chromium shell, and says which in one line.
 * `BYLINE_SHELL=electron|chromium` forces one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './services/electron-binary';
import { runChromiumShell } from './shells/chromium/main';

export function startByline(argv: string[]): void {
  const forced = process.env.BYLINE_SHELL?.trim().toLowerCase();
  if (forced && forced !== 'electron' && forced !== 'chromium') {
    console.error(`BYLINE_SHELL must be "electron" or "chromium", not "${forced}".`);
    process.exitCode = 2;
    return;
  }
  const electron = forced === 'chromium' ? null : findElectronBinary();
  if (forced === 'electron' && !electron) {
    console.error("BYLINE_SHELL=electron, but Electron's binary is not installed (run `npx install-electron`).");
    process.exitCode = 1;
    return;
  }
  if (electron) {
    console.log(`Byline: starting in Electron (${electron}).`);
    const child = spawn(electron, [path.join(__dirname, 'main.cjs'), ...argv], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => process.on(signal, () => child.kill(signal));
    forward('SIGINT');
    forward('SIGTERM');
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    return;
  }
  console.log(
    forced === 'chromium'
      ? 'Byline: starting in the Chromium shell (BYLINE_SHELL=chromium).'
      : "Byline: Electron's binary is not installed here, starting in the Chromium shell.",
  );
  void runChromiumShell(argv);
}
