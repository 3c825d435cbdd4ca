/**
 * Debian's chromium driven by playwright-core, for the tests that look at pages in a real browser.
 * Without it those tests are skipped, and say so (`chromiumMissing` prints the reason once per file).
 */
import {existsSync} from 'node:fs'
import {chromium, type Browser} from 'playwright-core'

export const executablePath = '/usr/bin/chromium'
export const haveChromium = existsSync(executablePath)

/** Warn that `what` is skipped when chromium is missing; true when it is. */
export function chromiumMissing(what: string): boolean {
  if (!haveChromium) console.warn(`SKIPPED: ${what} — ${executablePath} is not installed (Debian: apt-get install chromium).`)
  return !haveChromium
}

/** A headless chromium that reaches nothing on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}
