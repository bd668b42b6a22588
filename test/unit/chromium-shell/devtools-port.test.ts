import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDevToolsActivePort, readDevToolsPort } from '../../../electron/shells/chromium/devtools-port';

describe('the remote debugging port Chromium chose', () => {
  it('is the first line of DevToolsActivePort', () => {
    expect(parseDevToolsActivePort('41234\n/devtools/browser/0b1c\n')).toBe(41234);
    expect(parseDevToolsActivePort('')).toBeNull();
    expect(parseDevToolsActivePort('0\n')).toBeNull();
    expect(parseDevToolsActivePort('http\n')).toBeNull();
  });

  it('is read once Chromium writes the file, and null when it never does', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-devtools-'));
    const reading = readDevToolsPort(dir, 5000);
    await writeFile(path.join(dir, 'DevToolsActivePort'), '9333\n/devtools/browser/x\n');
    expect(await reading).toBe(9333);
    expect(await readDevToolsPort(await mkdtemp(path.join(os.tmpdir(), 'byline-devtools-')), 50)).toBeNull();
  });
});
