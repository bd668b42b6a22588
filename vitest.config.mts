// Two projects: unit (core and services, fast, parallel) and e2e (the real
// app in a real Chromium through the Chromium shell, one file at a time).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // jsdom 29 keeps every parsed document with ids alive (see the file).
          setupFiles: ['test/support/jsdom-leaks.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // What a test waits for (a save, a dialog, a repaint) arrives in milliseconds; a
          // second (vitest's default) is too little on a loaded 2-core machine, so a poll
          // waits up to 20 s: it fails only when the thing never happens.
          expect: { poll: { timeout: 20_000 } },
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
