/**
 * The parameters every property test passes to `fc.assert`, so that
 * `npm test` never depends on chance and random exploration still happens:
 *
 * - `npm test`: the test's own fixed seed and number of runs. The same
 *   commit gives the same result on every machine, every time.
 * - `npm run soak` (BYLINE_SOAK=1): a fresh random seed and BYLINE_SOAK_FACTOR
 *   (default 10) times the runs. Each property's seed is appended to
 *   BYLINE_SOAK_LOG; fast-check's failure message carries the seed and path.
 *   scripts/soak.mjs runs the rounds and collects both.
 * - Replaying a failure: BYLINE_PROPERTY_REPLAY='{"seed":…,"path":"…"}' with
 *   `-t` naming the test reruns exactly the failing case.
 */
import { appendFileSync } from 'node:fs';
import { getRandomValues } from 'node:crypto';
import type { Parameters } from 'fast-check';
import { expect } from 'vitest';

export interface PropertyRunsEnv {
  BYLINE_SOAK?: string;
  BYLINE_SOAK_FACTOR?: string;
  BYLINE_SOAK_LOG?: string;
  BYLINE_PROPERTY_REPLAY?: string;
}

/** A replay request from the environment, or null. Throws on a malformed one: a replay that silently runs something else proves nothing. */
function replayOf(env: PropertyRunsEnv): { seed: number; path?: string } | null {
  const raw = env.BYLINE_PROPERTY_REPLAY;
  if (!raw) return null;
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || !Number.isInteger((parsed as { seed?: unknown }).seed)) {
    throw new Error(`BYLINE_PROPERTY_REPLAY must be {"seed": <integer>, "path": "<path>"}; got ${raw}`);
  }
  const { seed, path } = parsed as { seed: number; path?: unknown };
  return typeof path === 'string' ? { seed, path } : { seed };
}

/** A 32-bit seed from the system's random source. */
export function randomSeed(): number {
  return getRandomValues(new Int32Array(1))[0]!;
}

export function propertyRunsFrom(
  env: PropertyRunsEnv,
  numRuns: number,
  seed: number,
  draw: () => number = randomSeed,
): Parameters<unknown> {
  const replay = replayOf(env);
  if (replay) return { ...replay, numRuns, endOnFailure: true };
  if (env.BYLINE_SOAK === '1') {
    const factor = Number(env.BYLINE_SOAK_FACTOR ?? '10');
    if (!Number.isFinite(factor) || factor < 1) throw new Error(`BYLINE_SOAK_FACTOR must be a number ≥ 1; got ${env.BYLINE_SOAK_FACTOR}`);
    return { numRuns: Math.round(numRuns * factor), seed: draw() };
  }
  return { numRuns, seed };
}

/** `fc.assert`'s parameters for a property with `numRuns` runs and the fixed `seed` it uses in `npm test`. */
export function propertyRuns(numRuns: number, seed: number): Parameters<unknown> {
  const parameters = propertyRunsFrom(process.env, numRuns, seed);
  const log = process.env.BYLINE_SOAK_LOG;
  if (process.env.BYLINE_SOAK === '1' && log) {
    const test = expect.getState().currentTestName ?? '(outside a test)';
    appendFileSync(log, `${JSON.stringify({ test, seed: parameters.seed, numRuns: parameters.numRuns })}\n`);
  }
  return parameters;
}

/** A property test's time limit: `ms` in `npm test`, scaled with the runs when soaking. */
export function propertyTimeout(ms: number): number {
  const env: PropertyRunsEnv = process.env;
  return env.BYLINE_SOAK === '1' ? Math.round(ms * Math.max(1, Number(env.BYLINE_SOAK_FACTOR ?? '10')) * 1.5) : ms;
}
