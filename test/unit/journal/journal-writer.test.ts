/**
 * The page's journal writer against the real API handler and journal: the
 * first write carries the whole text, later ones only the changed span, and
 * whatever happens the journal holds exactly the editor's text.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChangeSet, Text } from '@codemirror/state';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, type Invoke } from '../../../electron/contract';
import { createApiHandler } from '../../../electron/services/api-handlers';
import { createJournal, type Journal } from '../../../electron/services/journal';
import { createSettingsStore } from '../../../electron/services/settings';
import type { AppContext } from '../../../renderer/app/app-context';
import { createJournalWriter } from '../../../renderer/app/journal-writer';

const journals: Journal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.dispose();
});

async function setup() {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-writer-'));
  const journal = createJournal({ profileDir: profile });
  journals.push(journal);
  const handler = createApiHandler({
    hooks: { kind: 'chromium', dialogs: null, openExternal: async () => undefined },
    settings: createSettingsStore(profile),
    version: '1',
    startupPaths: [],
    journal,
  });
  const sent: { channel: string; chars: number }[] = [];
  /** Runs while a request is on its way (the writer is awaiting it). */
  const inFlight: (() => void)[] = [];
  const invoke = (async (channel: string, request: unknown) => {
    sent.push({ channel, chars: JSON.stringify(request).length });
    await Promise.resolve();
    inFlight.shift()?.();
    return handler(channel as never, request as never);
  }) as Invoke;
  const saved = Text.of(['']);
  const editor = { doc: saved };
  // Just what the writer reads: the API, the editor's text and the session's file facts.
  const app = {
    api: createApi(invoke, () => () => undefined),
    view: { state: editor },
    session: {
      path: null,
      name: 'Untitled',
      format: { eol: 'lf', bom: false },
      refreshDirty: (doc: Text) => !doc.eq(saved),
    },
  } as unknown as AppContext;
  const writer = createJournalWriter(app);
  const stored = async () => JSON.parse(await readFile(path.join(profile, 'journal', `${journal.sessionId}.${writer.id}.json`), 'utf8')).text as string;
  // An edit as the editor reports it: the new text, and the change set to the writer.
  const type = (at: number, insert: string, cut = 0) => {
    const changes = ChangeSet.of({ from: at, to: at + cut, insert }, editor.doc.length);
    editor.doc = changes.apply(editor.doc);
    writer.changed(changes);
  };
  return { journal, writer, sent, editor, type, stored, inFlight };
}

const BOOK = 'The mayor said the trees would stay, and the council agreed.\n\n'.repeat(5000);

describe('journal writer', () => {
  it('sends the whole text once, then only what changed', async () => {
    const { writer, sent, type, editor, stored } = await setup();
    type(0, BOOK);
    expect(await writer.flush()).toBe(true);
    type(150_000, 'x');
    expect(await writer.flush()).toBe(true);
    type(160_000, 'new paragraph\n\n');
    type(150_010, '', 5);
    expect(await writer.flush()).toBe(true);
    expect(await stored()).toBe(editor.doc.toString());
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:patch', 'journal:patch']);
    expect(sent[0]!.chars).toBeGreaterThan(BOOK.length);
    expect(sent[1]!.chars).toBeLessThan(400);
    // Two edits 10k characters apart: one span from the first to the last, a small part of the book.
    expect(sent[2]!.chars).toBeGreaterThan(10_000);
    expect(sent[2]!.chars).toBeLessThan(11_000);
  });

  it('falls back to the whole text when the journal no longer holds the base', async () => {
    const { writer, journal, sent, type, editor, stored } = await setup();
    type(0, 'First words.');
    await writer.flush();
    await journal.clear(writer.id);
    type(12, ' More.');
    expect(await writer.flush()).toBe(true);
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:patch', 'journal:write']);
    expect(await stored()).toBe(editor.doc.toString());
  });

  it('runs overlapping flushes one after another, each patch on the answer before it', async () => {
    const { writer, sent, type, editor, stored } = await setup();
    type(0, BOOK);
    const first = writer.flush();
    type(5, 'quick ');
    const second = writer.flush();
    type(0, '# Title\n\n');
    const third = writer.flush();
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:patch', 'journal:patch']);
    expect(await stored()).toBe(editor.doc.toString());
  });

  it('keeps edits typed while a write is on its way for the next patch', async () => {
    const { writer, sent, type, editor, stored, inFlight } = await setup();
    type(0, BOOK);
    inFlight.push(() => type(10, 'while writing '));
    await writer.flush();
    inFlight.push(() => type(0, 'and during the patch '));
    await writer.flush();
    await writer.flush();
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:patch', 'journal:patch']);
    expect(await stored()).toBe(editor.doc.toString());
  });

  it('sends the whole text when it was told of changes that do not fit', async () => {
    const { writer, sent, type, editor, stored } = await setup();
    type(0, 'First words.');
    await writer.flush();
    editor.doc = Text.of(['Something else entirely']);
    writer.changed(ChangeSet.of({ from: 0, insert: '?' }, 3));
    await writer.flush();
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:write']);
    expect(await stored()).toBe('Something else entirely');
  });

  it('after the text is clean again, clears the entry and starts whole next time', async () => {
    const { writer, sent, type } = await setup();
    type(0, 'Draft');
    await writer.flush();
    type(0, '', 5);
    expect(await writer.flush()).toBe(false);
    type(0, 'Again');
    await writer.flush();
    expect(sent.map((s) => s.channel)).toEqual(['journal:write', 'journal:clear', 'journal:write']);
  });
});
