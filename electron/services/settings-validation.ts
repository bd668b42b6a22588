/**
 * Keeps only well-formed settings fields from untrusted input (the settings
 * file, or a page's write request). Unknown keys are dropped, never merged.
 */
import path from 'node:path';
import {
  BODY_FONTS,
  FONT_SIZE_RANGE,
  LINE_WIDTH_RANGE,
  MAX_RECENT_FILES,
  STYLE_CHECKS,
  type QuoteStyle,
  type Settings,
  type StyleCheckName,
  type ThemeSetting,
  type ViewMode,
} from '../contract';

const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark', 'sepia'];
const VIEW_MODES: readonly ViewMode[] = ['editor', 'split', 'preview'];
const QUOTE_STYLES: readonly QuoteStyle[] = ['en', 'en-GB', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'ru', 'sv'];

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Throws only for a non-object; otherwise returns the valid subset. */
export function sanitizeSettingsPatch(input: unknown): Partial<Settings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('settings must be an object');
  }
  const source = input as Record<string, unknown>;
  const patch: Partial<Settings> = {};
  const theme = oneOf(THEMES, source.theme);
  if (theme) patch.theme = theme;
  const viewMode = oneOf(VIEW_MODES, source.viewMode);
  if (viewMode) patch.viewMode = viewMode;
  const quoteStyle = oneOf(QUOTE_STYLES, source.quoteStyle);
  if (quoteStyle) patch.quoteStyle = quoteStyle;
  if (Array.isArray(source.recentFiles)) {
    patch.recentFiles = source.recentFiles
      .filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096)
      .slice(0, MAX_RECENT_FILES);
  }
  if (source.draftsFolder === null) patch.draftsFolder = null;
  else if (isAbsoluteFolder(source.draftsFolder)) patch.draftsFolder = source.draftsFolder;
  sanitizeWritingSettings(source, patch);
  sanitizeExportSettings(source, patch);
  return patch;
}

/** Export (issue 6): the last export folder and the PDF page settings. */
function sanitizeExportSettings(source: Record<string, unknown>, patch: Partial<Settings>): void {
  if (source.exportFolder === null) patch.exportFolder = null;
  else if (isAbsoluteFolder(source.exportFolder)) patch.exportFolder = source.exportFolder;
  if (source.exportPageSize === 'A4' || source.exportPageSize === 'Letter') patch.exportPageSize = source.exportPageSize;
  if (source.exportNotes === 'end' || source.exportNotes === 'page') patch.exportNotes = source.exportNotes;
}

/** The writing aids' fields: font, size, width, style checks, modes, first run. */
function sanitizeWritingSettings(source: Record<string, unknown>, patch: Partial<Settings>): void {
  const bodyFont = oneOf(BODY_FONTS, source.bodyFont);
  if (bodyFont) patch.bodyFont = bodyFont;
  const fontSize = integerIn(source.fontSize, FONT_SIZE_RANGE);
  if (fontSize !== undefined) patch.fontSize = fontSize;
  const lineWidth = integerIn(source.lineWidth, LINE_WIDTH_RANGE);
  if (lineWidth !== undefined) patch.lineWidth = lineWidth;
  if (Array.isArray(source.styleChecks)) {
    patch.styleChecks = STYLE_CHECKS.filter((name) => (source.styleChecks as unknown[]).includes(name)) as StyleCheckName[];
  }
  for (const key of ['focusMode', 'typewriterScrolling', 'welcomed'] as const) {
    if (typeof source[key] === 'boolean') patch[key] = source[key];
  }
}

function integerIn(value: unknown, range: { min: number; max: number }): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : undefined;
}

function isAbsoluteFolder(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length < 4096 && !value.includes('\0') && path.isAbsolute(value);
}
