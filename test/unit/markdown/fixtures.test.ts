/** Markdown → HTML pairs from test/fixtures/markdown/*.txt, rendered by the pipeline. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { render } from '../../../renderer/markdown/index';
import { loadFixtureDir } from './fixture-loader';

const dir = fileURLToPath(new URL('../../fixtures/markdown', import.meta.url));

for (const file of loadFixtureDir(dir)) {
  describe(`fixtures: ${file.name}`, () => {
    for (const fixture of file.fixtures) {
      it(`${fixture.description} (line ${fixture.line})`, () => {
        expect(render(fixture.input, file.options).html).toBe(fixture.expected);
      });
    }
  });
}
