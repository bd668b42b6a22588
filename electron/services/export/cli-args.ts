/**
 * Reads `byline export FILE... --to html|pdf|txt [-o OUT | --out-dir DIR]
 * [--page-size A4|Letter] [--links inline|footnotes|both] [--notes end|page]
 * [--fragment] [--wrap N]`. Pure: the arguments in, the jobs (source →
 * target) or one sentence saying what is wrong out. `--opt value` and
 * `--opt=value` both work.
 */
import path from 'node:path';
import { LINK_MODES, type LinkMode } from '../../../renderer/markdown/source-types';
import {
  EXPORT_FORMATS,
  NOTES_PLACEMENTS,
  PAGE_SIZES,
  extensionFor,
  type ExportFormat,
  type ExportOptions,
  type NotesPlacement,
  type PageSize,
} from './export-options';
import { MIN_WRAP } from './text-wrap';

export interface ExportJob {
  source: string;
  target: string;
}

export interface ExportCommand {
  format: ExportFormat;
  options: Partial<ExportOptions>;
  jobs: ExportJob[];
  /** `--out-dir`, absolute: created when missing. */
  outDir: string | null;
}

export type Parsed = { ok: true; value: ExportCommand } | { ok: false; message: string };

const VALUE_OPTIONS = new Set(['--to', '-o', '--output', '--out-dir', '--page-size', '--links', '--notes', '--wrap']);

const fail = (message: string): Parsed => ({ ok: false, message });

function oneOf<T extends string>(allowed: readonly T[], value: string, name: string): T | string {
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  return found ?? `${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not “${value}”.`;
}

/** @param args The arguments after `export`. */
export function parseExportArgs(args: readonly string[], cwd: string = process.cwd()): Parsed {
  const files: string[] = [];
  const values = new Map<string, string>();
  let fragment = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--fragment') {
      fragment = true;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!VALUE_OPTIONS.has(name)) return fail(`unknown option “${arg}” (see byline --help).`);
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') return fail(`${name} needs a value (see byline --help).`);
      values.set(name === '--output' ? '-o' : name, value);
      continue;
    }
    files.push(arg);
  }
  if (files.length === 0) return fail('name at least one Markdown file to export.');

  const out = values.get('-o');
  const outDir = values.get('--out-dir');
  let formatName = values.get('--to');
  if (!formatName && out) formatName = path.extname(out).slice(1);
  if (!formatName) return fail('choose a format with --to html, --to pdf or --to txt.');
  const format = oneOf(EXPORT_FORMATS, formatName === 'text' ? 'txt' : formatName, '--to');
  if (!isOneOf(EXPORT_FORMATS, format)) return fail(format);

  const options: Partial<ExportOptions> = {};
  const pageSize = values.get('--page-size');
  if (pageSize !== undefined) {
    const size = oneOf(PAGE_SIZES, pageSize, '--page-size');
    if (!isOneOf<PageSize>(PAGE_SIZES, size)) return fail(size);
    options.pageSize = size;
  }
  const links = values.get('--links');
  if (links !== undefined) {
    const mode = oneOf(LINK_MODES, links, '--links');
    if (!isOneOf<LinkMode>(LINK_MODES, mode)) return fail(mode);
    options.links = mode;
  }
  const notes = values.get('--notes');
  if (notes !== undefined) {
    const placement = oneOf(NOTES_PLACEMENTS, notes, '--notes');
    if (!isOneOf<NotesPlacement>(NOTES_PLACEMENTS, placement)) return fail(placement);
    if (format !== 'pdf') return fail('--notes applies to PDF only (--to pdf).');
    options.notes = placement;
  }
  if (fragment) {
    if (format !== 'html') return fail('--fragment applies to HTML only (--to html).');
    options.fragment = true;
  }
  const wrap = values.get('--wrap');
  if (wrap !== undefined) {
    // Digits only: no signs, fractions, exponents, hex or spaces that Number() would let through.
    if (!/^\d+$/.test(wrap) || Number(wrap) < MIN_WRAP) {
      return fail(`--wrap needs a whole number of columns, ${MIN_WRAP} or more (e.g. --wrap 72), not “${wrap}”.`);
    }
    if (format !== 'txt') return fail('--wrap applies to plain text only (--to txt).');
    options.wrap = Number(wrap);
  }

  if (out && outDir) return fail('use either -o FILE or --out-dir DIR, not both.');
  if (out && files.length > 1) return fail('-o names one output file; use --out-dir DIR to export several files.');
  const jobs = files.map((file): ExportJob => {
    const source = path.resolve(cwd, file);
    const name = `${path.basename(source).replace(/\.[^.]*$/, '') || path.basename(source)}${extensionFor(format)}`;
    const target = out ? path.resolve(cwd, out) : path.join(outDir ? path.resolve(cwd, outDir) : path.dirname(source), name);
    return { source, target };
  });
  const clash = jobs.find((job) => job.source === job.target);
  if (clash) return fail(`exporting “${path.basename(clash.source)}” would overwrite it; choose another name with -o or --out-dir.`);
  const targets = new Set<string>();
  for (const job of jobs) {
    if (targets.has(job.target)) return fail(`two files would be exported to “${path.basename(job.target)}”; export them separately.`);
    targets.add(job.target);
  }
  return { ok: true, value: { format, options, jobs, outDir: outDir ? path.resolve(cwd, outDir) : null } };
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}
