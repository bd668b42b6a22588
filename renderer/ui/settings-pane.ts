/**
 * The settings pane: a modal dialog (focus kept inside, Escape closes) with
 * the theme, the editor's font, text size and line width, the style checks
 * and the writing modes. Every change applies at once and is saved through
 * `onChange`; there is nothing to confirm.
 */
import {
  BODY_FONTS,
  FONT_SIZE_RANGE,
  LINE_WIDTH_RANGE,
  STYLE_CHECKS,
  type BodyFont,
  type Settings,
  type StyleCheckName,
  type ThemeSetting,
} from '../../electron/contract';

const THEME_LABELS: ReadonlyArray<[ThemeSetting, string]> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['sepia', 'Sepia'],
];

const FONT_LABELS: Readonly<Record<BodyFont, string>> = { serif: 'Serif', sans: 'Sans serif', mono: 'Monospace' };

export const STYLE_CHECK_LABELS: Readonly<Record<StyleCheckName, string>> = {
  'long-sentences': 'Long sentences (over 30 words)',
  'passive-voice': 'Passive voice',
  adverbs: 'Adverbs',
  hedges: 'Hedges and weasel words',
  cliches: 'Clichés',
  'repeated-words': 'Repeated words',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function fieldset(legend: string): HTMLFieldSetElement {
  const set = el('fieldset', 'settings-group');
  set.append(el('legend', 'settings-legend', legend));
  return set;
}

function checkbox(name: string, label: string, checked: boolean, onToggle: (checked: boolean) => void): HTMLLabelElement {
  const wrap = el('label', 'settings-check');
  const input = el('input');
  input.type = 'checkbox';
  input.name = name;
  input.checked = checked;
  input.addEventListener('change', () => onToggle(input.checked));
  wrap.append(input, document.createTextNode(` ${label}`));
  return wrap;
}

function range(name: string, label: string, value: number, bounds: { min: number; max: number }, unit: string, onInput: (value: number) => void): HTMLLabelElement {
  const wrap = el('label', 'settings-range');
  const text = el('span', 'settings-range-label', label);
  const input = el('input');
  input.type = 'range';
  input.name = name;
  input.min = String(bounds.min);
  input.max = String(bounds.max);
  input.step = '1';
  input.value = String(value);
  const output = el('output', 'settings-range-value', `${value} ${unit}`);
  input.setAttribute('aria-valuetext', `${value} ${unit}`);
  input.addEventListener('input', () => {
    output.textContent = `${input.value} ${unit}`;
    input.setAttribute('aria-valuetext', `${input.value} ${unit}`);
    onInput(Number(input.value));
  });
  wrap.append(text, input, output);
  return wrap;
}

let open: HTMLDialogElement | null = null;

/** Opens the pane (or focuses it if it is open); `onChange` receives each change as a settings patch. */
export function openSettingsPane(settings: Settings, onChange: (patch: Partial<Settings>) => void): HTMLDialogElement {
  if (open) {
    open.focus();
    return open;
  }
  const dialog = el('dialog', 'app-dialog settings-pane');
  dialog.setAttribute('aria-labelledby', 'settings-title');
  const title = el('h2', 'dialog-title', 'Settings');
  title.id = 'settings-title';

  const theme = fieldset('Theme');
  for (const [value, label] of THEME_LABELS) {
    const wrap = el('label', 'settings-radio');
    const input = el('input');
    input.type = 'radio';
    input.name = 'theme';
    input.value = value;
    input.checked = settings.theme === value;
    input.addEventListener('change', () => input.checked && onChange({ theme: value }));
    wrap.append(input, document.createTextNode(` ${label}`));
    theme.append(wrap);
  }

  const text = fieldset('Editor text');
  const fontLabel = el('label', 'settings-select');
  const select = el('select');
  select.name = 'bodyFont';
  for (const font of BODY_FONTS) {
    const option = el('option', undefined, FONT_LABELS[font]);
    option.value = font;
    option.selected = settings.bodyFont === font;
    select.append(option);
  }
  select.addEventListener('change', () => onChange({ bodyFont: select.value as BodyFont }));
  fontLabel.append(el('span', 'settings-range-label', 'Body font'), select);
  text.append(
    fontLabel,
    range('fontSize', 'Text size', settings.fontSize, FONT_SIZE_RANGE, 'px', (fontSize) => onChange({ fontSize })),
    range('lineWidth', 'Line width', settings.lineWidth, LINE_WIDTH_RANGE, 'characters', (lineWidth) => onChange({ lineWidth })),
  );

  const checks = fieldset('Style checks');
  const enabled = new Set(settings.styleChecks);
  for (const name of STYLE_CHECKS) {
    checks.append(
      checkbox(`check-${name}`, STYLE_CHECK_LABELS[name], enabled.has(name), (on) => {
        if (on) enabled.add(name);
        else enabled.delete(name);
        onChange({ styleChecks: STYLE_CHECKS.filter((n) => enabled.has(n)) });
      }),
    );
  }

  const modes = fieldset('Writing modes');
  modes.append(
    checkbox('focusMode', 'Focus mode: dim all but the current paragraph', settings.focusMode, (focusMode) => onChange({ focusMode })),
    checkbox('typewriterScrolling', 'Typewriter scrolling: keep the current line in the middle', settings.typewriterScrolling, (typewriterScrolling) =>
      onChange({ typewriterScrolling }),
    ),
  );

  const buttons = el('div', 'dialog-buttons');
  const close = el('button', 'primary', 'Done');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  buttons.append(close);

  const body = el('div', 'settings-body');
  body.append(theme, text, checks, modes);
  dialog.append(title, body, buttons);
  (document.getElementById('dialog-root') ?? document.body).append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('input[name=theme]:checked')?.focus();
  open = dialog;
  dialog.addEventListener('close', () => {
    dialog.remove();
    open = null;
  });
  return dialog;
}
