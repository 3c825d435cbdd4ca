/// <reference lib="dom" />
/**
 * 政策解读.html in a real browser (Debian's chromium driven by playwright-core): at 390 px (a
 * phone) and 1280 px the page has no horizontal scroll, the filter buttons change which benefit
 * cards are visible, printing hides the filter bar and shows every card. Screenshots of both
 * widths go to output/browser/ for people to look at. Skipped, with the reason, when chromium is
 * not installed.
 */
import {mkdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Browser, Page} from 'playwright-core'
import {root, sampleBuild} from '../build/sample.ts'
import {chromiumMissing, launchChromium} from '../helpers/chromium.ts'

const missing = chromiumMissing('browser tests of 政策解读.html')

const shots = join(root, 'output/browser')
/** The page is served from this made-up origin by the test itself (page.route): no server, nothing leaves the machine. */
const origin = 'http://policy-press.test/'
/**
 * This machine's chromium has no CJK system font, so the screenshots would show empty boxes. The
 * test (not the page) adds the bundled Noto Sans SC, which the page's font list names; phones use their own.
 */
const notoSans = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')
const notoSansBold = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')

describe.skipIf(missing)('政策解读.html in chromium', () => {
  let browser: Browser
  let outDir: string
  beforeAll(async () => {
    const built = await sampleBuild()
    outDir = built.outDir
    browser = await launchChromium()
    mkdirSync(shots, {recursive: true})
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function open(width: number): Promise<Page> {
    const page = await browser.newPage({viewport: {width, height: 844}, deviceScaleFactor: 1})
    const requests: string[] = []
    await page.route('**/*', async (route) => {
      const url = route.request().url()
      requests.push(url)
      if (url === `${origin}page.html`) return route.fulfill({body: readFileSync(join(outDir, '政策解读.html')), contentType: 'text/html; charset=utf-8'})
      if (url === `${origin}noto-400.ttf`) return route.fulfill({body: readFileSync(notoSans), contentType: 'font/ttf'})
      if (url === `${origin}noto-700.ttf`) return route.fulfill({body: readFileSync(notoSansBold), contentType: 'font/ttf'})
      return route.abort()
    })
    await page.goto(`${origin}page.html`)
    expect(requests, 'the page loads nothing but itself').toEqual([`${origin}page.html`])
    await page.addStyleTag({
      content: `@font-face{font-family:"Noto Sans SC";font-weight:400;src:url(${origin}noto-400.ttf)}@font-face{font-family:"Noto Sans SC";font-weight:700;src:url(${origin}noto-700.ttf)}`
    })
    await page.evaluate(async () => {
      await Promise.all([document.fonts.load('16px "Noto Sans SC"'), document.fonts.load('bold 16px "Noto Sans SC"')])
      await document.fonts.ready
    })
    return page
  }

  const visible = (page: Page) =>
    page.$$eval('.card', (cards) => cards.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => ({audience: c.getAttribute('data-audience'), kind: c.getAttribute('data-kind')})))

  for (const width of [390, 1280]) {
    it(`has no horizontal scroll at ${width} px and readable type`, async () => {
      const page = await open(width)
      const sizes = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + '.' + e.className),
        body: parseFloat(getComputedStyle(document.querySelector('.card .what')!).fontSize),
        h2: parseFloat(getComputedStyle(document.querySelector('h2')!).fontSize)
      }))
      expect(sizes.wide).toEqual([])
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client)
      expect(sizes.body).toBeGreaterThanOrEqual(14)
      expect(sizes.h2).toBeGreaterThan(sizes.body)
      await page.screenshot({path: join(shots, `政策解读-${width}.png`), fullPage: false})
      await page.close()
    })
  }

  it('filters the benefit cards by audience and by kind', async () => {
    const page = await open(390)
    const all = await visible(page)
    expect(all.length).toBeGreaterThan(50)
    const audiences = [...new Set(all.map((c) => c.audience))]
    const kinds = [...new Set(all.map((c) => c.kind))]
    expect(audiences.length).toBeGreaterThan(2)
    expect(kinds).toEqual(expect.arrayContaining(['奖励', '补贴']))
    // The filter bar is shown by the script and lists every audience and kind.
    const buttons = await page.$$eval('.filter button', (bs) => bs.map((b) => `${b.getAttribute('data-filter')}:${b.textContent}`))
    for (const a of audiences) expect(buttons).toContain(`audience:${a}`)
    for (const k of kinds) expect(buttons).toContain(`kind:${k}`)

    const farmer = audiences.find((a) => a!.startsWith('农户'))!
    await page.click(`.filter button[data-filter="audience"][data-value="${farmer}"]`)
    const farmers = await visible(page)
    expect(farmers.length).toBeGreaterThan(0)
    expect(farmers.length).toBeLessThan(all.length)
    expect(new Set(farmers.map((c) => c.audience))).toEqual(new Set([farmer]))
    expect(await page.textContent('.filter .count b')).toBe(String(farmers.length))

    await page.click('.filter button[data-filter="audience"][data-value=""]')
    await page.click('.filter button[data-filter="kind"][data-value="奖励"]')
    const rewards = await visible(page)
    expect(rewards.length).toBeGreaterThan(0)
    expect(rewards.length).toBeLessThan(all.length)
    expect(new Set(rewards.map((c) => c.kind))).toEqual(new Set(['奖励']))
    await page.screenshot({path: join(shots, '政策解读-390-奖励.png')})

    // Printing shows every card and hides the filter bar.
    await page.emulateMedia({media: 'print'})
    expect((await visible(page)).length).toBe(all.length)
    expect(await page.$eval('.filter', (f) => getComputedStyle(f).display)).toBe('none')
    await page.close()
  })
})
