// Runs in Node: what a Byline window may navigate to and request.
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedRequest } from '../../../electron/shells/electron/navigation-policy';

describe('isAllowedNavigation', () => {
  it('lets the app load its own pages, in the window and in frames', () => {
    expect(isAllowedNavigation('byline://app/', true)).toBe(true);
    expect(isAllowedNavigation('byline://app/preview.html', false)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://localhost:3000/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'byline://other/',
    'mailto:editor@example.com',
    'about:blank',
  ])('never navigates the window to %j', (url) => {
    expect(isAllowedNavigation(url, true)).toBe(false);
  });

  it('lets a frame start on an inert blank document, but not go anywhere else', () => {
    expect(isAllowedNavigation('about:blank', false)).toBe(true);
    expect(isAllowedNavigation('about:srcdoc', false)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', false)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html', false)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows the app, devtools and in-memory data', () => {
    expect(isAllowedRequest('byline://app/assets/app.js')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isAllowedRequest('blob:byline://app/1234-5678')).toBe(true);
  });

  it.each([
    'https://example.com/photo.jpg',
    'http://tracker.example/pixel.gif',
    'wss://example.com/socket',
    'file:///home/writer/secret.md',
    'ftp://example.com/',
    'byline://elsewhere/',
    'not a url',
  ])('blocks %j', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});
