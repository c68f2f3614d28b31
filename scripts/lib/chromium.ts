/**
 * Finds a Chromium and launches it through `playwright-core`. Playwright's own browser download
 * cannot work on the machines this runs on, so the tests look, in this order, for:
 *
 * 1. `$CHROMIUM_PATH`, when set (it must exist: a wrong path is an error, not a silent fallback);
 * 2. Debian's `/usr/bin/chromium` (`apt-get install -y chromium`; `.ci/run` installs it);
 * 3. the headless Chromium that the `@sparticuz/chromium` devDependency ships inside its package,
 *    unpacked into the system's temporary folder on first use (about 2 s, then reused).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Where Debian's package puts the browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags every launch gets: no sandbox (we run as root in a container), no GPU, no background traffic. */
const QUIET_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Extra flags for the packaged headless shell. Of the flags `@sparticuz/chromium` recommends for
 * serverless machines we keep only what it needs to start here (no zygote process); we leave out
 * `--disable-web-security` and the like, because the tests check the site's content security
 * policy and must see what a real browser enforces.
 */
const PACKAGED_ARGS = ['--no-zygote', '--font-render-hinting=none'];

/** Which Chromium a run uses, and why. */
export interface ChromiumChoice {
  /** The binary. */
  path: string;
  /** `env` (`$CHROMIUM_PATH`), `debian` or `package` (`@sparticuz/chromium`). */
  source: 'env' | 'debian' | 'package';
  /** Flags to launch it with. */
  args: string[];
  /** Environment variables it needs on top of the process's own. */
  env: Record<string, string>;
}

let choice: Promise<ChromiumChoice> | undefined;

/** Picks the Chromium to use (see the order above); the packaged one is unpacked on first call. */
export function findChromium(): Promise<ChromiumChoice> {
  choice ??= pick();
  return choice;
}

async function pick(): Promise<ChromiumChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist. Unset it to use ${DEBIAN_CHROMIUM} or the packaged Chromium.`);
    return { path: fromEnv, source: 'env', args: QUIET_ARGS, env: {} };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian', args: QUIET_ARGS, env: {} };
  let packaged: typeof import('@sparticuz/chromium').default;
  try {
    packaged = (await import('@sparticuz/chromium')).default;
  } catch (e) {
    throw new Error(`No Chromium found: CHROMIUM_PATH is not set, ${DEBIAN_CHROMIUM} does not exist and @sparticuz/chromium is not installed (run npm install). ${(e as Error).message}`);
  }
  packaged.setGraphicsMode = false;
  const path = await packaged.executablePath();
  // The package's fonts unpack into the temporary folder too; without this the browser renders
  // with whatever fonts the machine has, possibly none.
  return { path, source: 'package', args: [...QUIET_ARGS, ...PACKAGED_ARGS], env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts') } };
}

/** Starts a headless Chromium from `findChromium()`. */
export async function launchChromium(): Promise<Browser> {
  return launchWith(await findChromium());
}

/** Starts a headless Chromium as `choice` says. */
export function launchWith(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({ executablePath: choice.path, args: choice.args, env: { ...process.env, ...choice.env } as Record<string, string> });
}

/**
 * Starts a headless Chromium as `choice` says, with a profile kept in `profileDir`, as a person's
 * own browser has: the contexts of `launchWith` are private windows, whose IndexedDB lives in
 * memory and keeps a file it is given as a reference to the file on disk, not as a copy.
 */
export function launchWithProfile(choice: ChromiumChoice, profileDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...options, executablePath: choice.path, args: choice.args, env: { ...process.env, ...choice.env } as Record<string, string> });
}
