/**
 * The editor's optional behaviours, switched without rebuilding the editor:
 * style checks, focus mode and typewriter scrolling live in compartments
 * reconfigured when settings change; distraction-free hides the chrome and
 * asks for full screen: the page's (`requestFullscreen`) and the window's
 * (`window:full-screen`, which the Chromium shell needs and Electron doesn't).
 */
import { Compartment, type Extension } from '@codemirror/state';
import type { Settings, StyleCheckName } from '../../electron/contract';
import { focusMode } from '../editor/focus-mode';
import { styleChecks } from '../editor/style-checks';
import { typewriterScrolling } from '../editor/typewriter-scrolling';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';

const styleSlot = new Compartment();
const focusSlot = new Compartment();
const typewriterSlot = new Compartment();

export const LONG_SENTENCE_WORDS = 30;

interface ModeState {
  checks: string;
  focus: boolean;
  typewriter: boolean;
}

function stateOf(settings: Settings): ModeState {
  return { checks: settings.styleChecks.join(','), focus: settings.focusMode, typewriter: settings.typewriterScrolling };
}

function styleExtension(checks: readonly StyleCheckName[]): Extension {
  return styleChecks({ checks, longSentenceWords: LONG_SENTENCE_WORDS });
}

export interface EditorModes {
  /** The compartments with their current content, for a new document's state. */
  extensions(): Extension;
}

export function installEditorModes(app: AppContext): EditorModes {
  let current = stateOf(app.settings);
  let checks: readonly StyleCheckName[] = app.settings.styleChecks;

  function reconfigure(next: ModeState, settings: Settings): void {
    const effects = [];
    if (next.checks !== current.checks) effects.push(styleSlot.reconfigure(styleExtension(settings.styleChecks)));
    if (next.focus !== current.focus) effects.push(focusSlot.reconfigure(next.focus ? focusMode() : []));
    if (next.typewriter !== current.typewriter) effects.push(typewriterSlot.reconfigure(next.typewriter ? typewriterScrolling() : []));
    current = next;
    checks = settings.styleChecks;
    if (effects.length) app.view.dispatch({ effects });
    const root = document.getElementById('app')!;
    root.dataset.focusMode = String(next.focus);
    root.dataset.typewriter = String(next.typewriter);
  }

  /** Applies a change at once, then persists it. */
  function change(patch: Partial<Settings>): void {
    const settings = { ...app.settings, ...patch };
    reconfigure(stateOf(settings), settings);
    void app.writeSettings(patch);
  }

  app.onSettingsChanged(() => reconfigure(stateOf(app.settings), app.settings));
  reconfigure(current, app.settings);

  registerCommand('view:focus', () => change({ focusMode: !current.focus }));
  registerCommand('view:typewriter', () => change({ typewriterScrolling: !current.typewriter }));
  registerCommand('view:distraction-free', () => toggleDistractionFree(app));
  // Leaving full screen by any means (Escape in the browser, the window manager) leaves the mode.
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && document.getElementById('app')!.dataset.distractionFree === 'true') setDistractionFree(app, false);
  });
  // Escape leaves it when the browser refused full screen too (in full screen the browser takes
  // Escape itself). Bubbling, so the editor's own Escape (closing find) goes first.
  window.addEventListener('keydown', (event) => {
    const root = document.getElementById('app')!;
    if (event.key !== 'Escape' || event.defaultPrevented || root.dataset.distractionFree !== 'true') return;
    if (document.querySelector('dialog[open]')) return;
    event.preventDefault();
    toggleDistractionFree(app);
  });

  return {
    extensions: () => [
      styleSlot.of(styleExtension(checks)),
      focusSlot.of(current.focus ? focusMode() : []),
      typewriterSlot.of(current.typewriter ? typewriterScrolling() : []),
    ],
  };
}

function toggleDistractionFree(app: AppContext): void {
  setDistractionFree(app, document.getElementById('app')!.dataset.distractionFree !== 'true');
}

function setDistractionFree(app: AppContext, on: boolean): void {
  const root = document.getElementById('app')!;
  if (on) {
    root.dataset.distractionFree = 'true';
    // The page's full screen needs the key press or click that asked (refused otherwise: the chrome
    // stays hidden anyway); the window's is the shell's to give (the Chromium shell's browser window
    // would keep its toolbars; Electron's window follows the page by itself and says UNSUPPORTED).
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    void app.api.setFullScreen({ fullScreen: true });
  } else {
    delete root.dataset.distractionFree;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void app.api.setFullScreen({ fullScreen: false });
  }
  app.view.focus();
}
