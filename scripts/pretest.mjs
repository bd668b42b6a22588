// `npm test`'s first step: the system tools the tests use, installed where
// that is possible (Debian or Ubuntu, as root: apt-get), else a stop with the
// one command to run. Never a silent skip: a test whose tool is missing would
// fail anyway, later and less clearly.
//
//   chromium          the e2e tests' browser (the npm-bundled @sparticuz/chromium
//                     is the fallback, and is tested on its own too)
//   poppler-utils     pdftotext, pdfinfo, pdftoppm: reading exported PDFs
//   fonts-dejavu-core the fonts the PDF tests expect to find
//   xvfb, xdotool     a virtual display and real keyboard and mouse input, for
//                     the tests that drive a headed window as a writer would
import { execFileSync, spawnSync } from 'node:child_process';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasFont = (name) => {
  const result = spawnSync('fc-list', [], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.toLowerCase().includes(name);
};

const wanted = [
  { pkg: 'chromium', present: () => has('chromium') || has('chromium-browser') || has('google-chrome') },
  { pkg: 'poppler-utils', present: () => has('pdftotext') && has('pdfinfo') && has('pdftoppm') },
  { pkg: 'fonts-dejavu-core', present: () => hasFont('dejavu') },
  { pkg: 'xvfb', present: () => has('Xvfb') },
  { pkg: 'xdotool', present: () => has('xdotool') },
];

const missing = wanted.filter((tool) => !tool.present()).map((tool) => tool.pkg);
if (missing.length === 0) process.exit(0);

const canApt = process.platform === 'linux' && has('apt-get') && typeof process.getuid === 'function' && process.getuid() === 0;
const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (!canApt) {
  console.error(`pretest: the tests need ${missing.join(', ')}. Install them, then run npm test again:\n\n  sudo ${command}\n`);
  process.exit(1);
}
console.log(`pretest: installing ${missing.join(' ')} (apt-get)`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
} catch {
  console.error('pretest: apt-get update failed; trying with the package lists already here');
}
try {
  execFileSync('sh', ['-c', `${command} -qq`], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch {
  console.error(`pretest: could not install ${missing.join(', ')}. Run it yourself, then npm test again:\n\n  ${command}\n`);
  process.exit(1);
}
const still = wanted.filter((tool) => missing.includes(tool.pkg) && !tool.present()).map((tool) => tool.pkg);
if (still.length > 0) {
  console.error(`pretest: ${still.join(', ')} still missing after apt-get install.`);
  process.exit(1);
}
