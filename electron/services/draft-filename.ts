/**
 * The file names a new draft may take, made from its title the same way Save
 * names a new piece (renderer/markdown/file-name.ts): the name, then name-2,
 * name-3… for `createDraft` to try in turn, never overwriting.
 */
import { fileSlug } from '../../renderer/markdown/file-name';

export function* draftFileNames(title: string, extension = '.md'): Generator<string> {
  const slug = fileSlug(title, 'untitled-draft');
  yield `${slug}${extension}`;
  for (let n = 2; ; n++) yield `${slug}-${n}${extension}`;
}
