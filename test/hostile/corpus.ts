/**
 * The hostile documents corpus: every `.md` file in a category folder here,
 * plus the generated denial-of-service documents (generated.ts). `prepareCorpus`
 * lays it out in a scratch folder the tests may open and export from, with
 * the files the local-file documents point at: a real image beside them, a
 * text file named `.png`, a symlink leading out, and a "secret" image outside.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatedDocuments } from './generated';

export const CORPUS_DIR = path.dirname(new URL(import.meta.url).pathname);

export interface CorpusDocument {
  category: string;
  name: string;
  text: string;
}

export function corpusCategories(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((entry) => statSync(path.join(CORPUS_DIR, entry)).isDirectory())
    .sort();
}

/** @param scale Size of the generated documents (see generated.ts). */
export function loadCorpus(scale = 1): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const category of corpusCategories()) {
    for (const name of readdirSync(path.join(CORPUS_DIR, category)).filter((f) => f.endsWith('.md')).sort()) {
      docs.push({ category, name, text: readFileSync(path.join(CORPUS_DIR, category, name), 'utf8') });
    }
  }
  for (const doc of generatedDocuments(scale)) docs.push({ category: 'dos', name: doc.name, text: doc.text });
  return docs;
}

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export interface PreparedCorpus {
  /** `root/corpus/<category>/<name>` for each document. */
  root: string;
  docs: (CorpusDocument & { file: string })[];
}

/** Writes the corpus under `root` (`corpus/…` and `outside/secret.png`). */
export async function prepareCorpus(root: string, docs: CorpusDocument[] = loadCorpus()): Promise<PreparedCorpus> {
  const prepared: PreparedCorpus['docs'] = [];
  for (const doc of docs) {
    const dir = path.join(root, 'corpus', doc.category);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, doc.name);
    await writeFile(file, doc.text, 'utf8');
    prepared.push({ ...doc, file });
  }
  await mkdir(path.join(root, 'outside'), { recursive: true });
  await writeFile(path.join(root, 'outside', 'secret.png'), PNG_1X1);
  const local = path.join(root, 'corpus', 'local-files');
  await mkdir(local, { recursive: true });
  await writeFile(path.join(local, 'pic.png'), PNG_1X1);
  await writeFile(path.join(local, 'fake.png'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await symlink(path.join(root, 'outside', 'secret.png'), path.join(local, 'link-out.png')).catch(() => undefined);
  return { root, docs: prepared };
}
