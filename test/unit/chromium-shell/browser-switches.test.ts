import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLAYWRIGHT_DISABLED_FEATURES,
  PLAYWRIGHT_ENABLED_FEATURES,
  SHELL_DISABLED_FEATURES,
  withFeatureSwitches,
} from '../../../electron/shells/chromium/browser-switches';

const features = (args: string[], prefix: string) => args.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length).split(','));

describe('the Chromium shell’s feature switches', () => {
  it('pass one --disable-features carrying Playwright’s list and ours, and no --enable-features unless asked', () => {
    const args = withFeatureSwitches(['--disable-frame-rate-limit'], {});
    expect(args[0]).toBe('--disable-frame-rate-limit');
    const disabled = features(args, '--disable-features=');
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toEqual([...PLAYWRIGHT_DISABLED_FEATURES, ...SHELL_DISABLED_FEATURES]);
    expect(disabled[0]).toContain('NavigationPredictor');
    expect(features(args, '--enable-features=')).toHaveLength(0);
  });

  it('fold feature switches from BYLINE_CHROMIUM_ARGS into the same one switch each, keeping Playwright’s', () => {
    const args = withFeatureSwitches(['--disable-features=Foo,Bar', '--enable-features=Baz', '--disable-features=Qux'], {});
    const disabled = features(args, '--disable-features=');
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toEqual(expect.arrayContaining([...PLAYWRIGHT_DISABLED_FEATURES, 'NavigationPredictor', 'Foo', 'Bar', 'Qux']));
    const enabled = features(args, '--enable-features=');
    expect(enabled).toEqual([[...PLAYWRIGHT_ENABLED_FEATURES, 'Baz']]);
    expect(withFeatureSwitches(['--enable-features=Baz'], { PLAYWRIGHT_LEGACY_SCREENSHOT: '1' })).toContain(
      `--enable-features=${PLAYWRIGHT_ENABLED_FEATURES.filter((f) => f !== 'CDPScreenshotNewSurface').join(',')},Baz`,
    );
  });

  // Chromium keeps only the last --disable-features, so the copy must hold
  // everything the installed playwright-core disables, or upgrading it would
  // quietly turn those features back on in the shell.
  it('copy every feature the installed playwright-core disables or enables', () => {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('playwright-core/package.json'));
    const source = readFileSync(path.join(root, 'lib/coreBundle.js'), 'utf8');
    const block = (name: string) => {
      const match = new RegExp(`${name} = (?:\\(\\) => )?\\[([\\s\\S]*?)\\]\\.filter`).exec(source);
      if (!match) throw new Error(`playwright-core no longer defines ${name} where this test looks (lib/coreBundle.js): check its Chromium switches by hand`);
      return [...match[1]!.matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
    };
    const disabled = block('disabledFeatures');
    expect(disabled.length).toBeGreaterThan(5);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...disabled].sort());
    expect([...PLAYWRIGHT_ENABLED_FEATURES].sort()).toEqual(block('enabledFeatures').sort());
  });
});
