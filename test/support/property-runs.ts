/**
 * The parameters every property test passes to `fc.assert`, so that
 * `npm test` never depends on chance and random exploration still happens:
 *
 * - `npm test`: the test's own fixed seed and number of runs. The same
 *   commit gives the same result on every machine, every time.
 * - `npm run soak` (BYLINE_SOAK=1): a fresh random seed and BYLINE_SOAK_FACTOR
 *   (default 10) times the runs. fast-check's failure message carries the
 *   seed and path; scripts/soak.mjs collects them.
 * - Replaying a soak failure: BYLINE_PROPERTY_REPLAY='{"seed":…,"path":"…"}'
 *   with `-t` naming the test reruns exactly the failing case.
 */
import type { Parameters } from 'fast-check';

export interface PropertyRunsEnv {
  BYLINE_SOAK?: string;
  BYLINE_SOAK_FACTOR?: string;
  BYLINE_PROPERTY_REPLAY?: string;
}

/** A replay request from the environment, or null. Throws on a malformed one: a replay that silently runs something else proves nothing. */
function replayOf(env: PropertyRunsEnv): { seed: number; path?: string } | null {
  const raw = env.BYLINE_PROPERTY_REPLAY;
  if (!raw) return null;
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { seed?: unknown }).seed !== 'number') {
    throw new Error(`BYLINE_PROPERTY_REPLAY must be {"seed": <number>, "path": "<path>"}; got ${raw}`);
  }
  const { seed, path } = parsed as { seed: number; path?: unknown };
  return typeof path === 'string' ? { seed, path } : { seed };
}

export function propertyRunsFrom(env: PropertyRunsEnv, numRuns: number, seed: number): Parameters<unknown> {
  const replay = replayOf(env);
  if (replay) return { ...replay, numRuns, endOnFailure: true };
  if (env.BYLINE_SOAK === '1') {
    const factor = Number(env.BYLINE_SOAK_FACTOR ?? '10');
    if (!Number.isFinite(factor) || factor < 1) throw new Error(`BYLINE_SOAK_FACTOR must be a number ≥ 1; got ${env.BYLINE_SOAK_FACTOR}`);
    // No seed: fast-check draws one and prints it with the path on failure.
    return { numRuns: Math.round(numRuns * factor) };
  }
  return { numRuns, seed };
}

/** `fc.assert`'s parameters for a property with `numRuns` runs and the fixed `seed` it uses in `npm test`. */
export function propertyRuns(numRuns: number, seed: number): Parameters<unknown> {
  return propertyRunsFrom(process.env, numRuns, seed);
}
