import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_MAX_CHARS, readFrontMatter } from '../../../renderer/markdown/front-matter-fields';
import { render } from '../../../renderer/markdown';

const read = (yaml: string) => readFrontMatter(yaml, 1, 'en-GB');

describe('front matter is data', () => {
  it('knows no JavaScript or language-specific tags (core schema only)', () => {
    for (const tag of ['!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!!js/undefined ""', '!!python/object/apply:os.system ["echo"]']) {
      // An unknown tag leaves its value as plain text: never a function, regexp or object.
      const fm = read(`title: ${tag}\nsubtitle: plain\n`);
      expect(fm.title === undefined || typeof fm.title === 'string').toBe(true);
      expect(String(fm.title ?? '')).not.toMatch(/\[object/);
    }
  });

  it('reads !!binary as harmless text or nothing', () => {
    const fm = read('title: !!binary PHNjcmlwdD4=\n');
    expect(fm.title === undefined || typeof fm.title === 'string').toBe(true);
    expect(render(`---\ntitle: !!binary PHNjcmlwdD4=\n---\n`).html).not.toMatch(/<script/);
  });

  it('refuses alias bombs (billion laughs) at the alias cap, with an error', () => {
    const yaml = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
      'title: *g',
    ].join('\n');
    const fm = read(yaml);
    // Refused by the alias cap, before anything is expanded.
    expect(fm.error?.message).toMatch(/alias/i);
    expect(fm.title).toBeUndefined();
  });

  it('refuses blocks over the size limit unparsed', () => {
    expect(read(`title: ${'x'.repeat(FRONT_MATTER_MAX_CHARS)}\n`).error?.message).toMatch(/too long/);
  });

  it('never pollutes prototypes, and reads only its own known fields', () => {
    const yaml = '__proto__:\n  polluted: true\n  title: from-proto\nconstructor:\n  prototype:\n    polluted: true\n"__proto__": {isAdmin: true}\n';
    const fm = read(yaml);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(fm.title).toBeUndefined();
    const merged = read('base: &b {title: "<b>x</b>"}\n<<: *b\n');
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect(typeof (merged.title ?? '')).toBe('string');
  });

  it('escapes HTML in every header field', () => {
    const { html } = render('---\ntitle: "<img src=x onerror=alert(1)>"\nsubtitle: "</p><script>alert(1)</script>"\nauthor: "<svg onload=alert(1)>"\ndate: "<script>x</script>"\npublication: "[l](javascript:alert(1)) <https://evil.example>"\n---\n');
    expect(html).not.toMatch(/<(?:img|script|svg|a)\b/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
