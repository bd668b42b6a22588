// Runs in Node: how the editor's link chips compare a target as typed with the pipeline's URL.
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { render } from '../../../renderer/markdown';
import { labelKey, referenceDefinitions, targetKey } from '../../../renderer/editor/link-targets';

describe('targetKey', () => {
  it('gives a typed target and the pipeline’s URL for it the same key', () => {
    const typed = [
      'https://example.org/stats',
      'https://example.org/repor"t',
      '<https://example.org/a b>',
      'https://example.org/caf\u00e9',
      'https://caf\u00e9.example/news',
      'https://example.org/?a=1&amp;b=2',
      'https://example.org/\\(x\\)',
      'HTTPS://Example.ORG/Path',
    ];
    for (const target of typed) {
      const { meta } = render(`[text](${target})\n`);
      const url = meta.citations[0]?.url ?? '';
      expect(targetKey(url), `${target} → ${url}`).toBe(targetKey(target));
    }
  });

  it('tells different targets apart, but not by fragment or final slash', () => {
    expect(targetKey('https://example.org/a')).not.toBe(targetKey('https://example.org/b'));
    expect(targetKey('https://example.org/a/')).toBe(targetKey('https://example.org/a#p2'));
    expect(targetKey('htt[cited](https://example.org/n')).not.toBe(targetKey('https://example.org/n'));
  });
});

describe('referenceDefinitions', () => {
  it('finds each label’s URL, matched as CommonMark matches labels', () => {
    const doc = Text.of(['Text [a][Ref  One].', '', '[ref one]: https://example.org/one', '  [Two]: <https://example.org/two> "T"', '[ref one]: https://example.org/ignored']);
    const found = referenceDefinitions(doc);
    expect(found.get(labelKey('REF one'))).toBe('https://example.org/one');
    expect(found.get(labelKey('two'))).toBe('<https://example.org/two>');
    expect(referenceDefinitions(doc)).toBe(found);
  });
});
