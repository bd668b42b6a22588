import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../electron/services/journal';

const child = path.join(__dirname, 'fixtures', 'journal-child.ts');

describe('crash journal, for real', () => {
  it('offers the exact text back after the process is killed with SIGKILL', async () => {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), 'byline-journal-kill-'));
    const text = 'Typed before the kill: “quotes”, ümlauts, 😀\nand a second line';
    const proc = spawn(process.execPath, ['--import', 'tsx', child, profileDir, text], { stdio: ['ignore', 'pipe', 'inherit'] });
    const output = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      proc.on('error', reject);
      proc.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(output).toBe('written');

    // While it runs, a second instance leaves its entry alone.
    const meanwhile = createJournal({ profileDir });
    expect(await meanwhile.list()).toEqual([]);
    meanwhile.dispose();

    const exited = new Promise((resolve) => proc.on('exit', resolve));
    proc.kill('SIGKILL');
    await exited;

    const next = createJournal({ profileDir });
    const offered = await next.list();
    next.dispose();
    expect(offered.map((e) => [e.id, e.text, e.reason])).toEqual([['killed-0001', text, 'untitled']]);
  }, 20_000);
});
