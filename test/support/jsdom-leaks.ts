/**
 * A vitest setup file for the unit tests: stops jsdom 29 keeping alive every
 * element with an `id` in every document it ever parsed.
 *
 * jsdom tracks elements with an `id` or `name` for the window's named
 * properties (`window.someId`). It tracks them in any document whose global
 * is the window, including documents made with
 * `document.implementation.createHTMLDocument()`, and stops only when an
 * element is detached, which never happens to a document simply dropped.
 * DOMPurify parses every sanitize call in such a document, and the
 * pipeline's HTML has ids (`source-3`, `source-ref-3-1`…), so each call
 * pinned that document: about 0.65 MB per sanitized op-ed, 1 GB for the
 * chunked preview's 15 property runs, out of memory at the soak's 150.
 * Chromium has no such leak (measured: heap flat over 5,000 sanitize calls
 * of the same HTML).
 *
 * Only the window's own document has named properties (HTML § 7.2.2.3), so
 * tracking is limited to it. Remove this file when jsdom fixes it.
 */
import { createRequire } from 'node:module';

interface ElementImpl {
  _ownerDocument: { _globalObject?: { _document?: unknown } | null } & object;
}
type Tracker = (element: ElementImpl, ...rest: unknown[]) => void;
interface WindowProperties {
  elementAttached: Tracker;
  elementDetached: Tracker;
  elementAttributeModified: Tracker;
  __bylineOwnDocumentOnly?: true;
}

const require = createRequire(import.meta.url);
const idlUtils = require('jsdom/lib/generated/idl/utils.js') as { implForWrapper(wrapper: unknown): unknown };

/** Whether `element` belongs to its window's own document (the only one with named properties). */
function inWindowDocument(element: ElementImpl): boolean {
  const window = element._ownerDocument._globalObject;
  // `_document` is the wrapper; an element knows its document's implementation.
  return !!window && !!window._document && idlUtils.implForWrapper(window._document) === element._ownerDocument;
}

export function limitNamedPropertiesToWindowDocument(windowProperties: WindowProperties): void {
  if (windowProperties.__bylineOwnDocumentOnly) return;
  windowProperties.__bylineOwnDocumentOnly = true;
  for (const name of ['elementAttached', 'elementDetached', 'elementAttributeModified'] as const) {
    const track = windowProperties[name];
    windowProperties[name] = (element, ...rest) => {
      if (inWindowDocument(element)) track(element, ...rest);
    };
  }
}

limitNamedPropertiesToWindowDocument(require('jsdom/lib/jsdom/living/window-properties.js') as WindowProperties);
