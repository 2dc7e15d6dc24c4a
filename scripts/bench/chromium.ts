/** Debian's Chromium, and the flags it needs here (as root, on a closed network): see the toolchain notes. */
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export { CHROMIUM_FLAGS } from '../chromium-flags.mjs';

/** "Chromium 131.0.6778.85", or "unknown". */
export function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return /Chrom(e|ium)[\w ]*? [\d.]+/.exec(result.stdout ?? '')?.[0] ?? 'unknown';
}
