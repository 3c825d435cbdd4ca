/// <reference lib="dom" />
/**
 * The real page in a real browser (Debian chromium through playwright-core) against the server on
 * a free loopback port: open the sample by the 政策文件 input, see the tree and the messages,
 * choose a message and see its line highlighted, edit a unit name and see the tree and messages
 * follow, filter by unit, save the issuing details with a bad value and see the command line
 * message, generate everything and see the progress reach the end, download the zip and check its
 * entries. Screenshots at 1280 px and at tablet width go to output/serve/ for people to look at.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {unzipSync} from 'fflate'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startServer, type RunningServer} from '../../src/serve/index.ts'
import {listOutput} from '../../src/serve/output.ts'
import {day, openLedger, taskRows, write} from '../collect/fill.ts'
import {chromiumMissing, launchChromium} from '../helpers/chromium.ts'

const root = path.resolve(import.meta.dirname, '../..')
const missing = chromiumMissing('test/serve/page.test.ts (the page in chromium)')
const shots = path.join(root, 'output', 'serve')
const sample = path.join(root, 'source/xiuzhou-2024.txt')

describe.skipIf(missing)('the page in chromium', () => {
  let workspace: string
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'pp-page-'))
    copyFileSync(path.join(root, 'source/xiuzhou-units.yml'), path.join(workspace, 'xiuzhou-units.yml'))
    copyFileSync(path.join(root, 'source/policy-press.config.yml'), path.join(workspace, 'policy-press.config.yml'))
    mkdirSync(shots, {recursive: true})
    server = await startServer({root: workspace, port: 0})
    browser = await launchChromium()
    page = await browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true, locale: 'zh-CN'})
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    await page.goto(server.url)
    await page.evaluate('document.fonts.ready')
    expect(problems).toEqual([])
  })

  /** A screenshot under output/serve/, once the page's fonts are in. */
  async function shot(name: string, fullPage = false) {
    await page.evaluate('document.fonts.ready')
    await page.screenshot({path: path.join(shots, name), fullPage})
  }

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens the sample by the 政策文件 input and shows its tree and messages', async () => {
    await page.getByLabel('政策文件').setInputFiles(sample)
    const tree = page.getByRole('tree', {name: '结构'})
    await expect.poll(() => tree.getByRole('treeitem').count()).toBeGreaterThan(60)
    const region = page.getByRole('region', {name: '校对结果'})
    await expect.poll(() => region.getByRole('button').count()).toBeGreaterThan(0)
    expect(readFileSync(path.join(workspace, 'xiuzhou-2024.txt'))).toEqual(readFileSync(sample))
    // The first task shows its lead and supporting units.
    const firstTask = tree.locator('.task').first()
    await expect.poll(() => firstTask.locator('.lead').textContent()).toBe('牵头：区发改局')
  })

  it('highlights the line of the message one chooses', async () => {
    const region = page.getByRole('region', {name: '校对结果'})
    const message = region.getByRole('button').nth(1)
    const line = Number(await message.getAttribute('data-line'))
    await message.click()
    const expected = readFileSync(sample, 'utf8').split(/\r?\n/)[line - 1]!
    await expect.poll(() => page.locator('#highlights mark').textContent()).toBe(expected || ' ')
    const selected = await page.locator('#source').evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))
    expect(selected).toBe(expected)
    expect(await message.getAttribute('aria-current')).toBe('true')
    // The highlighted line is scrolled into the visible part of the editor.
    const mark = (await page.locator('#highlights mark').boundingBox())!
    const box = (await page.locator('.editor').boundingBox())!
    const visible = mark.y >= box.y && mark.y + mark.height <= box.y + box.height
    expect(visible).toBe(true)
    await shot('proofread-1280.png')
  })

  it('follows an edit of a unit name: saved, tree and messages updated without a reload', async () => {
    await page.evaluate('window.marker = 1')
    const source = page.locator('#source')
    const text = await source.inputValue()
    const edited = text.replace('（责任单位：区发改局、区资规分局）', '（责任单位：区发改局、区资规分局、区数据局）')
    expect(edited).not.toBe(text)
    await source.fill(edited)
    const tree = page.getByRole('tree', {name: '结构'})
    await expect.poll(() => tree.locator('.task').first().locator('.support').textContent()).toBe('配合：区资规分局、区数据局（名录中没有）')
    const region = page.getByRole('region', {name: '校对结果'})
    await expect.poll(() => region.getByText('区数据局').count()).toBeGreaterThan(0)
    await expect.poll(() => readFileSync(path.join(workspace, 'xiuzhou-2024.txt'), 'utf8')).toBe(edited)
    expect(await page.evaluate('window.marker')).toBe(1)
  })

  it('moves through the tree with the keyboard', async () => {
    const tree = page.getByRole('tree', {name: '结构'})
    const items = tree.locator('[role="treeitem"]')
    await items.first().focus()
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate('document.activeElement.dataset.id')).toBe(await items.nth(1).getAttribute('data-id'))
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowLeft')
    expect(await items.first().getAttribute('aria-expanded')).toBe('false')
    expect(await items.nth(1).isVisible()).toBe(false)
    await page.keyboard.press('ArrowRight')
    expect(await items.first().getAttribute('aria-expanded')).toBe('true')
  })

  it('filters the tree to one bureau', async () => {
    await page.getByLabel('只看单位').selectOption('区财政局')
    const tasks = page.getByRole('tree', {name: '结构'}).locator('.task')
    const duties = await tasks.locator('.duty').allTextContents()
    expect(duties.length).toBeGreaterThan(0)
    for (const duty of duties) expect(duty).toContain('区财政局')
    await page.getByLabel('只看单位').selectOption('')
  })

  it('shows the command line message next to a bad config value, then saves a good one', async () => {
    const date = page.getByLabel(/成文日期/)
    await date.fill('2024-13-05')
    await page.getByRole('button', {name: '保存发文信息'}).click()
    const error = page.locator('#config-date-error')
    await expect.poll(() => error.textContent()).toContain('配置项 "date"（成文日期')
    expect(await date.getAttribute('aria-invalid')).toBe('true')
    expect(readFileSync(path.join(workspace, 'policy-press.config.yml'), 'utf8')).toContain('date: 2024-03-05')
    await shot('config-error-1280.png')
    await date.fill('2024-03-06')
    await page.getByRole('button', {name: '保存发文信息'}).click()
    await expect.poll(() => page.locator('#config-state').textContent()).toContain('已保存')
    expect(readFileSync(path.join(workspace, 'policy-press.config.yml'), 'utf8')).toMatch(/^date: 2024-03-06/m)
  })

  it('generates every file with progress to the end, lists them and downloads the zip', async () => {
    await page.getByRole('button', {name: '生成全部文件'}).click()
    await expect.poll(() => page.locator('#build-state').textContent(), {timeout: 180_000}).toMatch(/^完成/)
    const [value, max] = await page.locator('#progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])
    expect(value).toBe(max)
    const outDir = path.join(workspace, 'output', 'xiuzhou-2024')
    const written = listOutput(outDir).map((file) => file.name).sort()
    expect(max).toBe(written.length)
    expect(Number(await page.locator('#progress').getAttribute('data-planned'))).toBe(written.length)

    const zipLink = page.getByRole('link', {name: '下载全部文件（.zip）'})
    const [download] = await Promise.all([page.waitForEvent('download'), zipLink.click()])
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)))
    expect(Object.keys(zip).sort()).toEqual(written)
    expect(Buffer.from(zip['责任分工通知.pdf']!)).toEqual(readFileSync(path.join(outDir, '责任分工通知.pdf')))

    await page.getByRole('button', {name: '预览 责任分工通知.html'}).click()
    const frame = page.frameLocator('#preview')
    await expect.poll(() => frame.locator('body').textContent()).toContain('责任分工')
    await page.locator('#generate').scrollIntoViewIfNeeded()
    await shot('generate-1280.png', true)
    await page.setViewportSize({width: 820, height: 1180})
    await page.locator('#open').scrollIntoViewIfNeeded()
    await shot('tablet-820.png', true)
    expect(statSync(path.join(shots, 'tablet-820.png')).size).toBeGreaterThan(0)
  })

  it('collects a returned ledger and opens the progress report', async () => {
    await page.setViewportSize({width: 1280, height: 900})
    const book = await openLedger(path.join(workspace, 'output/xiuzhou-2024/任务台账.xlsx'))
    const sheet = book.getWorksheet('区财政局')!
    const rows = taskRows(sheet)
    for (const {row} of rows.slice(0, 2)) write(sheet, row, {status: '已完成', completed: day('2024-05-31'), reported: day('2024-06-28')})
    const returned = path.join(mkdtempSync(path.join(tmpdir(), 'pp-page-ledger-')), '区财政局.xlsx')
    await book.xlsx.writeFile(returned)
    await page.getByLabel('报回的台账').setInputFiles(returned)
    await expect.poll(() => page.locator('#ledgers').textContent()).toContain('区财政局.xlsx')
    await page.getByLabel('统计截止日期').fill('2024-06-30')
    await page.getByRole('button', {name: '汇总落实情况'}).click()
    await expect.poll(() => page.locator('.collect-summary').textContent(), {timeout: 120_000}).toContain('截至 2024年6月30日')
    expect(await page.locator('.collect-summary').textContent()).toContain('已完成 2，')
    expect(await page.locator('#collect-result').textContent()).not.toContain('null')
    const [report] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', {name: '打开落实情况报告'}).click()])
    await report.waitForLoadState()
    expect(await report.locator('body').textContent()).toContain('区财政局')
    await report.close()
    await page.locator('#collect').scrollIntoViewIfNeeded()
    await shot('collect-1280.png')
  })

  it('opens a policy dropped on the page', async () => {
    const text = readFileSync(path.join(root, 'test/fixtures/build/special/special.txt'), 'utf8')
    const dataTransfer = await page.evaluateHandle(
      ([name, content]) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([content], name, {type: 'text/plain'}))
        return transfer
      },
      ['拖入的政策.txt', text] as const
    )
    await page.dispatchEvent('#drop', 'drop', {dataTransfer})
    await expect.poll(() => page.locator('#current').textContent()).toContain('拖入的政策.txt')
    await expect.poll(() => page.getByRole('tree', {name: '结构'}).locator('.part .title').first().textContent()).toBe('扩大投资政策')
    expect(readFileSync(path.join(workspace, '拖入的政策.txt'), 'utf8')).toBe(text)
  })
})
