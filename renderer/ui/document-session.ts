/**
 * The open document: where it lives, how it is stored, and whether the
 * editor's text differs from what was last saved. The editor owns the text;
 * this owns everything about the file around it.
 */
import type { Text } from '@codemirror/state';
import type { DocumentData, SavedDocument, TextFormat } from '../../electron/contract';

export interface SessionSnapshot {
  path: string | null;
  name: string;
  format: TextFormat;
  dirty: boolean;
}

export class DocumentSession {
  path: string | null;
  name: string;
  format: TextFormat;
  private saved: Text;
  private dirty = false;

  constructor(data: DocumentData, initialText: Text) {
    this.path = data.path;
    this.name = data.name;
    this.format = data.format;
    this.saved = initialText;
  }

  /**
   * Call after edits; cheap unless the lengths match (then the texts are compared).
   * An untitled buffer with nothing in it (a new piece's header deleted, say) has
   * nothing to save, so it never counts as unsaved.
   */
  refreshDirty(current: Text): boolean {
    const empty = this.path === null && current.length === 0;
    this.dirty = !empty && (current.length !== this.saved.length || !current.eq(this.saved));
    return this.dirty;
  }

  markSaved(result: SavedDocument, savedText: Text, current: Text): void {
    this.path = result.path;
    this.name = result.name;
    this.format = result.format;
    this.saved = savedText;
    this.refreshDirty(current);
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  snapshot(): SessionSnapshot {
    return { path: this.path, name: this.name, format: this.format, dirty: this.dirty };
  }
}

/** "• draft.md — Byline": the unsaved marker first, so it survives truncation. */
export function windowTitle(snapshot: Pick<SessionSnapshot, 'name' | 'dirty'>): string {
  return `${snapshot.dirty ? '• ' : ''}${snapshot.name} — Byline`;
}
