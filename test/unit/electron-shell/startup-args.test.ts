// Runs in Node: which command-line arguments are files to open.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, filesFromSecondInstance } from '../../../electron/shells/electron/startup-args';

const cwd = '/home/writer/columns';

describe('filesFromArgv', () => {
  it('skips the app path in development (`electron dist/electron/main.cjs FILE`)', () => {
    const argv = ['/x/electron', 'dist/electron/main.cjs', 'draft.md'];
    expect(filesFromArgv(argv, { defaultApp: true, cwd })).toEqual([path.join(cwd, 'draft.md')]);
  });

  it('skips Electron flags before the app path in development', () => {
    const argv = ['/x/electron', '--remote-debugging-port=9222', '--inspect=0', '.', 'a.md', '/abs/b.md'];
    expect(filesFromArgv(argv, { defaultApp: true, cwd })).toEqual([path.join(cwd, 'a.md'), '/abs/b.md']);
    expect(filesFromArgv(['/x/electron', '-r', 'hook.js', 'main.cjs', 'a.md'], { defaultApp: true, cwd })).toEqual([
      path.join(cwd, 'a.md'),
    ]);
  });

  it('takes every non-flag argument after the executable when packaged', () => {
    const argv = ['/opt/Byline/byline', '../notes.md', '--remote-debugging-port=9222', 'essay.markdown'];
    expect(filesFromArgv(argv, { defaultApp: false, cwd })).toEqual([
      path.resolve(cwd, '../notes.md'),
      path.join(cwd, 'essay.markdown'),
    ]);
  });

  it('never treats a flag as a file', () => {
    const argv = ['/Applications/Byline.app/Contents/MacOS/Byline', '-psn_0_12345', '--remote-debugging-port=0', '--no-sandbox'];
    expect(filesFromArgv(argv, { defaultApp: false, cwd })).toEqual([]);
  });

  it('opens nothing when only the app is named', () => {
    expect(filesFromArgv(['/x/electron', 'dist/electron/main.cjs'], { defaultApp: true, cwd })).toEqual([]);
    expect(filesFromArgv(['/opt/Byline/byline'], { defaultApp: false, cwd })).toEqual([]);
  });

  it('treats everything after `--` as a file, and names each file once', () => {
    const argv = ['/opt/Byline/byline', 'a.md', '--', '-odd-name.md', 'a.md'];
    expect(filesFromArgv(argv, { defaultApp: false, cwd })).toEqual([path.join(cwd, 'a.md'), path.join(cwd, '-odd-name.md')]);
  });
});

describe('filesFromSecondInstance', () => {
  it('prefers the exact list the second launch sent', () => {
    expect(filesFromSecondInstance(['/opt/Byline/byline', 'ignored.md'], '/tmp', { files: ['/abs/x.md'] }, false)).toEqual([
      '/abs/x.md',
    ]);
  });

  it('falls back to argv, resolved against the second launch’s directory', () => {
    const argv = ['/opt/Byline/byline', '--original-process-start-time=1', 'x.md'];
    expect(filesFromSecondInstance(argv, '/tmp/other', undefined, false)).toEqual([path.join('/tmp/other', 'x.md')]);
    expect(filesFromSecondInstance(argv, '/tmp/other', { files: ['relative.md'] }, false)).toEqual([
      path.join('/tmp/other', 'x.md'),
    ]);
    expect(filesFromSecondInstance(argv, '/tmp/other', { files: 'nope' }, false)).toEqual([path.join('/tmp/other', 'x.md')]);
  });
});
