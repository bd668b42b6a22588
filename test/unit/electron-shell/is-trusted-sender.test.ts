// Runs in Node: who may call main's API.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/shells/electron/is-trusted-sender';
import { APP_URL, isAppUrl } from '../../../electron/shells/electron/app-url';

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on the app page', () => {
    expect(isTrustedSender(APP_URL, true)).toBe(true);
    expect(isTrustedSender('byline://app/index.html', true)).toBe(true);
    expect(isTrustedSender('byline://app/?doc=1#top', true)).toBe(true);
  });

  it('refuses any frame that is not the main frame of our window, even on the app origin', () => {
    expect(isTrustedSender(APP_URL, false)).toBe(false);
    expect(isTrustedSender('byline://app/preview.html', false)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://app/',
    'file:///home/writer/index.html',
    'byline://evil/',
    'byline://app.evil/',
    'byline://app:8080/',
    'byline://user:pass@app/',
    'data:text/html,<p>hi</p>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses a main frame at %j', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('is the app origin, whatever the path', () => {
    expect(isAppUrl('byline://app/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('BYLINE://app/')).toBe(true);
    expect(isAppUrl('byline:app')).toBe(false);
  });
});
