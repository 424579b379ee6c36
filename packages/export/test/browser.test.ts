import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {safeFileName, writeHtmlReport} from '../src/index.js'
import {corpus, hostile, visit} from './fixtures.js'
import {temporaryFolder} from './helpers.js'

const executablePath = '/usr/bin/chromium'
const hasChromium = fs.existsSync(executablePath)
const reason = hasChromium
  ? ''
  : ' (skipped: /usr/bin/chromium is absent; install it with `apt-get install -y chromium`)'

describe.skipIf(!hasChromium)('HTML report in a real browser' + reason, () => {
  let context: BrowserContext
  let folder: string
  const dialogs: Array<string> = []
  const shots = process.env.COPYDESK_SCREENSHOT_DIR || temporaryFolder()

  beforeAll(async () => {
    folder = path.join(temporaryFolder(), 'report')
    await writeHtmlReport(folder, [...corpus, hostile])
    context = await chromium.launchPersistentContext(temporaryFolder(), {
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    context.on('page', (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
    })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
  })

  async function open(name: string, width = 1280, height = 900): Promise<Page> {
    const page = await context.newPage()
    await page.setViewportSize({width, height})
    await page.goto(pathToFileURL(path.join(folder, name)).href)
    return page
  }

  async function tip(page: Page, selector: string): Promise<string> {
    return page.locator(selector).evaluate((node) => getComputedStyle(node, '::after').content)
  }

  it('clicks from the index to a document, and from there to an entity', async () => {
    const page = await open('index.html')
    expect(await page.title()).toBe('copydesk report')
    await page.getByRole('link', {name: visit.title!}).click()
    expect(page.url()).toBe(pathToFileURL(path.join(folder, 'doc', safeFileName(visit.id, '.html'))).href)
    expect(await page.locator('h1').textContent()).toBe(visit.title)

    // Hover shows the canonical name and entity; so does keyboard focus.
    const harris = page.locator('article a.m', {hasText: /^Harris$/})
    expect(await harris.getAttribute('title')).toBe('Kamala Harris · entity Kamala Harris (Q10853588) · person')
    expect(await tip(page, 'article mark.t >> nth=0')).toBe('none')
    await page.locator('article mark.t', {hasText: 'Thursday'}).focus()
    expect(await tip(page, 'article mark.t >> nth=0')).toBe('"DATE 2024-04-25 (from XXXX-WXX-4)"')
    await harris.hover()
    expect(await tip(page, 'article a.m >> nth=3')).toBe(
      '"Kamala Harris · entity Kamala Harris (Q10853588) · person"'
    )
    expect(await page.locator('.excluded', {hasText: 'Photo: J. Roe'}).evaluate((node) => getComputedStyle(node).color)).toBe(
      'rgb(138, 138, 138)'
    )
    await page.screenshot({path: path.join(shots, 'document-desktop.png'), fullPage: true})

    await harris.click()
    expect(await page.locator('h1').textContent()).toBe('Kamala Harris')
    expect(await page.getByRole('link', {name: 'Wikidata Q10853588'}).getAttribute('href')).toBe(
      'https://www.wikidata.org/wiki/Q10853588'
    )
    expect(await page.locator('tbody tr').allTextContents()).toEqual([
      'Harris in Atlanta 🇺🇸2024-04-29T18:30:00Z1',
      visit.title + '2024-04-262'
    ])
    await page.close()
  })

  it('reaches entities from the index and works with the keyboard alone', async () => {
    const page = await open('index.html')
    await page.getByRole('link', {name: 'Kim Kardashian', exact: true}).click()
    expect(await page.locator('h1').textContent()).toBe('Kim Kardashian')
    await page.goBack()

    // Tab order: skip link first, then the navigation.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Documents')

    // On a document page, Tab walks the highlighted mentions and dates in reading order.
    const doc = await open('doc/' + safeFileName(visit.id, '.html'))
    const order: Array<string> = []
    for (let index = 0; index < 12; index++) {
      await doc.keyboard.press('Tab')
      const focused = await doc.evaluate(() => {
        const node = document.activeElement
        return node && node.closest('article') ? node.textContent : null
      })
      if (focused) order.push(focused)
    }

    expect(order).toEqual(['Kamala Harris', 'Kim Kardashian', 'White House', 'Thursday', 'Harris', 'April 25, 2024'])
    await page.close()
    await doc.close()
  })

  it('is readable on a phone: no sideways scrolling', async () => {
    const page = await open('doc/' + safeFileName(visit.id, '.html'), 390, 844)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBe(0)
    await page.screenshot({path: path.join(shots, 'document-phone.png'), fullPage: true})
    const index = await open('index.html', 390, 844)
    expect(await index.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
    await index.screenshot({path: path.join(shots, 'index-phone.png'), fullPage: true})
    await page.close()
    await index.close()
  })

  it('runs nothing from a hostile document', async () => {
    const page = await open('doc/' + safeFileName(hostile.id, '.html'))
    await page.locator('article a.m').hover()
    await page.locator('article a.m').focus()
    expect(await page.evaluate(() => document.querySelectorAll('script, img, svg, iframe').length)).toBe(0)
    expect(await page.locator('h1').textContent()).toBe(hostile.title)
    expect(await page.locator('dd', {hasText: 'javascript:'}).evaluate((node) => node.tagName)).toBe('DD')
    const hrefs = await page.locator('a').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).protocol))
    expect(new Set(hrefs)).toEqual(new Set(['file:']))
    await page.screenshot({path: path.join(shots, 'hostile.png'), fullPage: true})
    await page.close()
    expect(dialogs).toEqual([])
  })
})
