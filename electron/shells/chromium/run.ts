/** Entry point that runs the Chromium shell directly (tests, headless use). */
import { runChromiumShell } from './main';

void runChromiumShell(process.argv.slice(2));
