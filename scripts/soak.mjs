// `npm run soak`: the property tests with fresh random seeds and many more
// runs than `npm test` (which always uses each test's fixed seed; see
// test/support/property-runs.ts). Prints every seed it tried, and for a
// failure the seed, path and the command that replays it; each failure found
// becomes a fixed regression case in its test.
//
//   npm run soak [-- --rounds N] [-- --factor F]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const rounds = option('rounds', 3);
const factor = option('factor', 10);
if (!(rounds >= 1) || !(factor >= 1)) {
  console.error('usage: npm run soak -- [--rounds N≥1] [--factor F≥1]');
  process.exit(2);
}

/** Test files with a property: those that take their parameters from propertyRuns. */
function propertyFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...propertyFiles(file));
    else if (entry.name.endsWith('.test.ts') && readFileSync(file, 'utf8').includes('propertyRuns(')) out.push(file);
  }
  return out.sort();
}

const files = propertyFiles('test');
const work = mkdtempSync(path.join(os.tmpdir(), 'byline-soak-'));
const started = Date.now();
const failures = [];
let properties = 0;
let runs = 0;

console.log(`soak: ${files.length} files, ${rounds} round(s), ${factor}× the runs of npm test, random seeds`);
for (let round = 1; round <= rounds; round++) {
  const log = path.join(work, `seeds-${round}.jsonl`);
  const report = path.join(work, `report-${round}.json`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...files],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BYLINE_SOAK: '1', BYLINE_SOAK_FACTOR: String(factor), BYLINE_SOAK_LOG: log } },
  );
  const seeds = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  for (const { test, seed, numRuns } of seeds) {
    properties++;
    runs += numRuns;
    console.log(`  round ${round}  seed ${String(seed).padStart(11)}  ${String(numRuns).padStart(5)} runs  ${test}`);
  }
  if (!existsSync(report)) {
    console.error(`soak: vitest wrote no report in round ${round} (exit ${result.status})`);
    process.exit(1);
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of json.testResults) {
    for (const test of file.assertionResults) {
      if (test.status !== 'failed') continue;
      const message = test.failureMessages.join('\n');
      const found = /seed: (-?\d+), path: "([^"]*)"/.exec(message);
      const counterexample = /Counterexample: (.*)/.exec(message)?.[1] ?? '';
      failures.push({ round, file: path.relative('.', file.name), name: test.fullName, title: test.title, seed: found?.[1], path: found?.[2], counterexample, message });
    }
  }
}
rmSync(work, { recursive: true, force: true });

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nsoak: ${properties} property runs with fresh seeds, ${runs} cases in all, ${failures.length} failure(s), ${minutes} min`);
for (const f of failures) {
  console.log(`\nFAILED (round ${f.round}) ${f.file} › ${f.name}`);
  if (f.seed !== undefined) {
    console.log(`  seed ${f.seed}, path "${f.path}"`);
    console.log(`  counterexample: ${f.counterexample.slice(0, 2000)}`);
    const replay = JSON.stringify({ seed: Number(f.seed), path: f.path });
    console.log(`  replay: BYLINE_PROPERTY_REPLAY='${replay}' npx vitest run ${f.file} -t ${JSON.stringify(f.title)}`);
  } else {
    console.log(f.message.split('\n').slice(0, 20).join('\n'));
  }
}
process.exit(failures.length > 0 ? 1 : 0);
