// Runs in Node: which pages the Chromium shell turns into the app's New, and which it only closes.
import { describe, expect, it } from 'vitest';
import { actionForNewPage } from '../../../electron/shells/chromium/new-page-policy';

describe('new page policy (Chromium shell)', () => {
  it.each(['chrome://newtab/', 'chrome://new-tab-page/', 'chrome://new-tab-page-third-party/', 'chrome-search://local-ntp/local-ntp.html'])(
    'takes the browser’s New Tab page %s (Ctrl+N, Ctrl+T, Ctrl+Shift+N) for a new document',
    (url) => {
      expect(actionForNewPage(url)).toBe('new-document');
    },
  );

  it.each([
    'about:blank',
    '',
    'https://byline.invalid/',
    'https://example.com/',
    'chrome-error://chromewebdata/',
    'chrome://history/',
    'chrome://downloads/',
    'chrome://newtab/#x',
    'chrome://newtab',
    'CHROME://NEWTAB/',
    'javascript:alert(1)',
    'data:text/html,chrome://newtab/',
    'view-source:https://byline.invalid/',
  ])('only closes anything else: %s', (url) => {
    expect(actionForNewPage(url)).toBe('close');
  });
});
