/**
 * Installs the "never lose a word" features around the document commands:
 * the quit flow (ask before closing, journal on signals), crash recovery,
 * reacting to outside changes, drag and drop, the start screen's recent files
 * and the drafts library. `afterStart` runs once the window is ready: it
 * offers whatever a crashed session left in the journal.
 */
import { installDraftsSidebar } from '../ui/drafts-sidebar';
import { installStartScreen } from '../ui/start-screen';
import type { AppContext } from './app-context';
import type { DocumentCommands } from './document-commands';
import { installFileDrop } from './file-drop';
import { installFileWatch } from './file-watch';
import { installQuitFlow } from './journal-quit';
import { installRecovery } from './recovery';

export interface FileFeatures {
  afterStart(): Promise<void>;
}

export function installFileFeatures(app: AppContext, documents: DocumentCommands): FileFeatures {
  installQuitFlow(app, documents);
  const recovery = installRecovery(app, documents);
  installFileWatch(app, documents);
  installFileDrop(app, documents);
  installStartScreen(app, {
    open: async (path) => {
      if (await documents.confirmDiscard()) await documents.openPath(path);
    },
  });
  installDraftsSidebar(app, documents);
  return {
    afterStart: () => recovery.offer(true),
  };
}
