import fs from 'node:fs'
import path from 'node:path'
import type {Element, Nodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {safeFileName, writeHtmlReport} from '../src/index.js'
import {corpus, hostile, trip, visit} from './fixtures.js'
import {listFiles, temporaryFolder} from './helpers.js'

function elements(tree: Nodes): Array<Element> {
  const result: Array<Element> = []
  const walk = (node: Nodes) => {
    if (node.type === 'element') result.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }

  walk(tree)
  return result
}

function text(node: Nodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => text(child)).join('') : ''
}

function load(file: string) {
  return fromHtml(fs.readFileSync(file, 'utf8'))
}

describe('HTML report', () => {
  it('writes an index, a timeline, warnings, and a page per document and entity', async () => {
    const folder = temporaryFolder()
    await writeHtmlReport(folder, corpus)
    const files = listFiles(folder)
    expect(files.filter((name) => !name.includes('/'))).toEqual([
      'index.html',
      'style.css',
      'timeline.html',
      'warnings.html'
    ])
    expect(files.filter((name) => name.startsWith('doc/')).length).toBe(3)
    expect(files.filter((name) => name.startsWith('entity/')).length).toBe(6)

    const index = elements(load(path.join(folder, 'index.html')))
    const links = index.filter((node) => node.tagName === 'a').map((node) => [text(node), String(node.properties.href)])
    expect(links).toContainEqual([visit.title, 'doc/' + safeFileName(visit.id, '.html')])
    expect(links).toContainEqual(['Kamala Harris', 'entity/' + safeFileName('Q10853588', '.html')])
    expect(links).toContainEqual(['Q10853588', 'https://www.wikidata.org/wiki/Q10853588'])
    // Entities: counts across documents, variants merged, roles.
    const harrisRow = index.find(
      (node) => node.tagName === 'tr' && text(node).startsWith('Kamala Harris')
    )!
    expect(elements(harrisRow).filter((node) => node.tagName === 'td').map((node) => text(node))).toEqual([
      'Kamala Harris',
      'person',
      '2',
      '3',
      'Kamala Harris, Harris',
      'Vice President',
      'Q10853588'
    ])

    const page = elements(load(path.join(folder, 'doc', safeFileName(visit.id, '.html'))))
    const marks = page
      .filter((node) => node.properties.title && /\b(m|t)\b/.test(String(node.properties.className)))
      .map((node) => [text(node), String(node.properties.title)])
    expect(marks).toEqual([
      ['Kamala Harris', 'Kamala Harris · entity Kamala Harris (Q10853588) · person · Vice President'],
      ['Kim Kardashian', 'Kim Kardashian · entity Kim Kardashian (Q186304) · person'],
      ['White House', 'White House · entity White House (Q35525) · place'],
      ['Thursday', 'DATE 2024-04-25 (from XXXX-WXX-4)'],
      ['Harris', 'Kamala Harris · entity Kamala Harris (Q10853588) · person'],
      ['April 25, 2024', 'DATE 2024-04-25']
    ])
    const excluded = page.filter((node) => String(node.properties.className) === 'excluded')
    expect(excluded.map((node) => [text(node), node.properties.title])).toContainEqual([
      'Photo: J. Roe / Example Wire',
      'Excluded: photo-credit'
    ])
    // The article text is whole, in order.
    expect(text(page.find((node) => node.tagName === 'article')!)).toBe(visit.text)

    const timeline = fs.readFileSync(path.join(folder, 'timeline.html'), 'utf8')
    expect([...timeline.matchAll(/<code>([^<]+)<\/code>/g)].map((match) => match[1])).toEqual([
      '2023-03',
      '2024-04-25',
      '2024-04-25',
      '2024-04-29'
    ])
    const warnings = elements(load(path.join(folder, 'warnings.html')))
    expect(warnings.filter((node) => node.tagName === 'tr').map((node) => text(node))).toEqual([
      'DocumentSeverityRuleSourceReason',
      visit.title + 'warningweekday-mismatchretext-normalize-datesThursday does not match 2024-04-26 (Friday)',
      '=HYPERLINK("http://evil.example/","Budget deal")warningdate-conflictretext-normalize-dates+ two readings of "March 2023"'
    ])
  })

  it('escapes hostile content, links only http(s) and keeps files in the folder', async () => {
    // A folder of our own around the report: nothing may appear next to it.
    const outer = temporaryFolder()
    const folder = path.join(outer, 'report')
    await writeHtmlReport(folder, [hostile, trip])
    expect(fs.readdirSync(outer)).toEqual(['report'])
    expect(fs.readdirSync(folder).sort()).toEqual(['doc', 'entity', 'index.html', 'style.css', 'timeline.html', 'warnings.html'])
    const files = listFiles(folder)
    expect(files).toContain('doc/' + safeFileName('../../etc/passwd', '.html'))
    expect(safeFileName('../../etc/passwd', '.html')).toMatch(/^etc-passwd-[0-9a-f]{10}\.html$/)
    expect(safeFileName('CON', '.html')).toMatch(/^con-[0-9a-f]{10}\.html$/)
    expect(safeFileName('/', '.html')).toMatch(/^[0-9a-f]{10}\.html$/)
    expect(safeFileName('a/b', '')).not.toBe(safeFileName('a_b', ''))

    for (const name of files.filter((file) => file.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(folder, name), 'utf8')
      const nodes = elements(fromHtml(html))
      expect(nodes.filter((node) => ['script', 'img', 'svg', 'iframe', 'b', 'i'].includes(node.tagName))).toEqual([])
      for (const node of nodes) {
        for (const key of Object.keys(node.properties)) expect(key.startsWith('on')).toBe(false)
        const href = node.properties.href
        if (typeof href === 'string') {
          expect(href).toMatch(/^(https?:\/\/|#|(\.\.\/)?[\w-]+(\/[\w-]+)?\.(html|css)(#\w+)?$)/)
        }
      }
    }

    const page = fs.readFileSync(path.join(folder, 'doc', safeFileName(hostile.id, '.html')), 'utf8')
    expect(page).toContain('<h1>&#x3C;script>alert("title")&#x3C;/script>">&#x3C;img src=x onerror=alert(1)></h1>')
    expect(page).toContain('title="&#x22;><svg onload=alert(6)> · entity <i>Mallory</i>')
    expect(page).toContain('<dd>javascript:alert(document.cookie)</dd>')
    expect(page).toContain('content="default-src &#x27;none&#x27;; style-src &#x27;self&#x27;')
  })
})
