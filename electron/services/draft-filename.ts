/**
 * A safe file name for a new draft, made from its title: letters and digits of
 * any script joined by dashes, lower case, short, never a name Windows
 * reserves. `draft-file-names` yields the name, then name-2, name-3…
 */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_SLUG_CHARS = 60;

export function draftSlug(title: string): string {
  let slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_CHARS) {
    const cut = slug.slice(0, MAX_SLUG_CHARS);
    const dash = cut.lastIndexOf('-');
    slug = (dash > 20 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
  }
  if (!slug) return 'untitled-draft';
  return RESERVED.test(slug) ? `${slug}-draft` : slug;
}

export function* draftFileNames(title: string, extension = '.md'): Generator<string> {
  const slug = draftSlug(title);
  yield `${slug}${extension}`;
  for (let n = 2; ; n++) yield `${slug}-${n}${extension}`;
}
