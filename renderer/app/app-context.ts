/**
 * What every part of the page shares: the API, the start-up state, the live
 * settings, the editor and the open document, plus two signals (the text
 * changed; a document was loaded). Features subscribe here instead of being
 * called from one central file, so each lives in its own module.
 */
import type { ChangeSet } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { BylineApi, InitialState, Settings } from '../../electron/contract';
import type { DocumentSession } from '../ui/document-session';

type Listener = () => void;
/** Gets what the edit changed (CodeMirror's change set, against the text before). */
type ChangeListener = (changes: ChangeSet) => void;

export class AppContext {
  settings: Settings;
  /** Set by the document commands when the first document loads. */
  session!: DocumentSession;
  private changeListeners: ChangeListener[] = [];
  private loadListeners: Listener[] = [];
  private settingsListeners: Listener[] = [];

  constructor(
    readonly api: BylineApi,
    readonly initial: InitialState,
    readonly view: EditorView,
  ) {
    this.settings = initial.settings;
  }

  /** Called for every transaction that changed the text (keep it cheap). */
  onDocChanged(listener: ChangeListener): void {
    this.changeListeners.push(listener);
  }

  /** Called after a document replaced the editor's content (new, open, revert, restore). */
  onDocumentLoaded(listener: Listener): void {
    this.loadListeners.push(listener);
  }

  onSettingsChanged(listener: Listener): void {
    this.settingsListeners.push(listener);
  }

  notifyDocChanged(changes: ChangeSet): void {
    for (const listener of this.changeListeners) listener(changes);
  }

  notifyDocumentLoaded(): void {
    for (const listener of this.loadListeners) listener();
  }

  /** Main changes settings on its own too (recent files): re-read after file operations. */
  async reloadSettings(): Promise<void> {
    const fresh = await this.api.readSettings();
    if (fresh.ok) this.setSettings(fresh.value);
  }

  async writeSettings(patch: Partial<Settings>): Promise<void> {
    const result = await this.api.writeSettings({ patch });
    if (result.ok) this.setSettings(result.value);
  }

  private setSettings(settings: Settings): void {
    this.settings = settings;
    for (const listener of this.settingsListeners) listener();
  }
}
