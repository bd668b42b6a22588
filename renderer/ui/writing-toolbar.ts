/**
 * The toolbar's writing tools: a Format menu (the same commands as the
 * Electron Format menu, with their shortcuts), a Tools menu (find, writing
 * modes, panels, settings) and buttons for the outline and sources panels.
 */
import { MARKDOWN_KEYS } from '../editor/markdown-commands';
import { createToolbarMenu, type MenuSection } from './toolbar-menu';
import { WRITING_SHORTCUTS, displayKeys } from './writing-shortcuts';

export interface WritingToolbarState {
  focusMode(): boolean;
  typewriter(): boolean;
}

export function installWritingToolbar(isMac: boolean, state: WritingToolbarState, run: (command: string) => void): void {
  const key = (command: keyof typeof MARKDOWN_KEYS) => displayKeys(MARKDOWN_KEYS[command], isMac);
  const appKey = (command: string) => {
    const shortcut = WRITING_SHORTCUTS.find((s) => s.command === command);
    return shortcut ? displayKeys(shortcut, isMac) : undefined;
  };
  const format: MenuSection[] = [
    [
      { command: 'format:bold', label: 'Bold', keys: key('format:bold') },
      { command: 'format:italic', label: 'Italic', keys: key('format:italic') },
      { command: 'format:link', label: 'Link', keys: key('format:link') },
    ],
    [
      { command: 'format:quote', label: 'Quote', keys: key('format:quote') },
      { command: 'format:attribution', label: 'Attribution', keys: key('format:attribution') },
      { command: 'format:footnote', label: 'Insert footnote', keys: key('format:footnote') },
    ],
    [
      { command: 'format:heading-1', label: 'Heading 1', keys: key('format:heading-1') },
      { command: 'format:heading-2', label: 'Heading 2', keys: key('format:heading-2') },
      { command: 'format:heading-3', label: 'Heading 3', keys: key('format:heading-3') },
      { command: 'format:paragraph', label: 'Body text', keys: key('format:paragraph') },
    ],
    [
      { command: 'format:bullet-list', label: 'Bulleted list', keys: key('format:bullet-list') },
      { command: 'format:numbered-list', label: 'Numbered list', keys: key('format:numbered-list') },
    ],
  ];
  const tools: MenuSection[] = [
    [
      { command: 'edit:find', label: 'Find…', keys: displayKeys('Mod-f', isMac) },
      { command: 'edit:replace', label: 'Replace…' },
    ],
    [
      { command: 'view:focus', label: 'Focus mode', keys: appKey('view:focus'), checked: state.focusMode },
      { command: 'view:typewriter', label: 'Typewriter scrolling', keys: appKey('view:typewriter'), checked: state.typewriter },
      { command: 'view:distraction-free', label: 'Distraction-free full screen', keys: appKey('view:distraction-free') },
    ],
    [
      { command: 'view:outline', label: 'Outline', keys: appKey('view:outline') },
      { command: 'view:sources', label: 'Sources', keys: appKey('view:sources') },
      { command: 'app:settings', label: 'Settings…', keys: appKey('app:settings') },
    ],
  ];
  const group = document.createElement('div');
  group.className = 'toolbar-group writing-tools';
  group.append(createToolbarMenu('Format', format, run), createToolbarMenu('Tools', tools, run));
  for (const [command, label] of [
    ['view:outline', 'Outline'],
    ['view:sources', 'Sources'],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.aidsCommand = command;
    button.setAttribute('aria-pressed', 'false');
    button.title = `${label} (${appKey(command)})`;
    button.textContent = label;
    button.addEventListener('click', () => run(command));
    group.append(button);
  }
  const settings = document.createElement('button');
  settings.type = 'button';
  settings.dataset.aidsCommand = 'app:settings';
  settings.title = `Settings (${appKey('app:settings')})`;
  settings.textContent = 'Settings';
  settings.addEventListener('click', () => run('app:settings'));
  group.append(settings);
  const toolbar = document.querySelector('.toolbar');
  const viewToggle = toolbar?.querySelector('.view-toggle');
  if (viewToggle) viewToggle.before(group);
  else toolbar?.append(group);
}
