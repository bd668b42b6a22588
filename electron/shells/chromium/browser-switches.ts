/**
 * The Chromium shell's feature switches. Chromium keeps only the last
 * `--disable-features` (and `--enable-features`) switch it is given, and
 * playwright-core passes its own first: a second one from us would silently
 * undo Playwright's (no startup requests to Google, PaintHolding off, …). So
 * the shell passes one of each, carrying Playwright's list, its own, and any
 * from BYLINE_CHROMIUM_ARGS. A unit test checks the copied lists against the
 * installed playwright-core.
 */

/** playwright-core's `disabledFeatures` (server/chromium/chromiumSwitches.ts). */
export const PLAYWRIGHT_DISABLED_FEATURES: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** playwright-core's `enabledFeatures` (CDPScreenshotNewSurface unless PLAYWRIGHT_LEGACY_SCREENSHOT). */
export const PLAYWRIGHT_ENABLED_FEATURES: readonly string[] = ['CDPScreenshotNewSurface', 'SkipListAccountsWithoutGaiaCookies'];

/**
 * Ours. NavigationPredictor: on an http(s) page (the shell's origin is
 * https://byline.invalid) Chromium watches every link for its link-click
 * predictor with an IntersectionObserver that wakes a frame every 100 ms while
 * the page changes; typing in a long piece with many cited links in the
 * preview, a keystroke landing just after such a frame waited up to ~10 ms
 * more for its own. The app never follows its links. (Electron serves the app
 * from byline://, where Chromium doesn't start the predictor.)
 */
export const SHELL_DISABLED_FEATURES: readonly string[] = ['NavigationPredictor'];

const DISABLE = '--disable-features=';
const ENABLE = '--enable-features=';

function featureList(switches: readonly string[], prefix: string): string[] {
  return switches.filter((arg) => arg.startsWith(prefix)).flatMap((arg) => arg.slice(prefix.length).split(',')).filter(Boolean);
}

/** `extra` switches with their feature lists folded into one `--disable-features` (and one `--enable-features`) carrying Playwright's and ours. */
export function withFeatureSwitches(extra: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const rest = extra.filter((arg) => !arg.startsWith(DISABLE) && !arg.startsWith(ENABLE));
  const disabled = [...new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...SHELL_DISABLED_FEATURES, ...featureList(extra, DISABLE)])];
  const enabledExtra = featureList(extra, ENABLE);
  const playwrightEnabled = PLAYWRIGHT_ENABLED_FEATURES.filter((name) => !(env.PLAYWRIGHT_LEGACY_SCREENSHOT && name === 'CDPScreenshotNewSurface'));
  const enabled = [...new Set([...playwrightEnabled, ...enabledExtra])];
  return [...rest, DISABLE + disabled.join(','), ...(enabledExtra.length > 0 ? [ENABLE + enabled.join(',')] : [])];
}
