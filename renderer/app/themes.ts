/**
 * Appearance: the theme (light, dark, sepia, or following the system's
 * `prefers-color-scheme`), the editor's body font, text size and line width.
 * The theme is one attribute, `data-theme`, on the app page's root and on the
 * preview frame's root (the same origin, so the page can set it); colours are
 * CSS variables per theme in app.css and preview-frame.css. Sizes are CSS
 * variables set through the CSSOM (allowed by the page's CSP).
 */
import type { BodyFont, Settings, ThemeSetting } from '../../electron/contract';
import type { AppContext } from './app-context';

export type ResolvedTheme = 'light' | 'dark' | 'sepia';

export const BODY_FONT_STACKS: Readonly<Record<BodyFont, string>> = {
  serif: "'Charter', 'Iowan Old Style', 'Source Serif 4', 'Georgia', 'DejaVu Serif', serif",
  sans: "'Inter', system-ui, -apple-system, 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', 'Menlo', 'Consolas', 'DejaVu Sans Mono', monospace",
};

export function resolveTheme(setting: ThemeSetting, systemDark: boolean): ResolvedTheme {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;
}

export function applyAppearance(settings: Settings, systemDark: boolean, previewFrame: HTMLIFrameElement | null): ResolvedTheme {
  const theme = resolveTheme(settings.theme, systemDark);
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.themeSetting = settings.theme;
  root.style.setProperty('--body-font', BODY_FONT_STACKS[settings.bodyFont] ?? BODY_FONT_STACKS.serif);
  root.style.setProperty('--editor-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--measure', `${settings.lineWidth}ch`);
  const frameRoot = previewFrame?.contentDocument?.documentElement;
  if (frameRoot) frameRoot.dataset.theme = theme;
  return theme;
}

export function installThemes(app: AppContext, previewFrame: HTMLIFrameElement): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => applyAppearance(app.settings, dark.matches, previewFrame);
  apply();
  dark.addEventListener('change', apply);
  app.onSettingsChanged(apply);
  previewFrame.addEventListener('load', apply);
}
