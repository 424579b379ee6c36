import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {ingest} from '../src/index.js'

/** Expected values of one HTML fixture (its sidecar file). */
export interface Expected {
  template: string
  title: string
  authors: Array<string>
  date: string
  body: string
}

/** Score of one page. */
export interface PageScore {
  name: string
  template: string
  f1: number
  precision: number
  recall: number
  title: boolean
  date: boolean
  authors: boolean
  actual: {title: string | null; date: string | null; authors: Array<string>}
}

function tokens(text: string): Array<string> {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Bag-of-tokens precision, recall and F1 (the article-extraction benchmark's metric). */
export function tokenF1(actual: string, expected: string): {precision: number; recall: number; f1: number; overlap: number; actualCount: number; expectedCount: number} {
  const want = new Map<string, number>()
  const expectedTokens = tokens(expected)
  for (const token of expectedTokens) want.set(token, (want.get(token) ?? 0) + 1)
  const actualTokens = tokens(actual)
  let overlap = 0
  for (const token of actualTokens) {
    const left = want.get(token) ?? 0
    if (left > 0) {
      overlap++
      want.set(token, left - 1)
    }
  }
  const precision = actualTokens.length ? overlap / actualTokens.length : 0
  const recall = expectedTokens.length ? overlap / expectedTokens.length : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {precision, recall, f1, overlap, actualCount: actualTokens.length, expectedCount: expectedTokens.length}
}

/** The text later stages see: `value` without the excluded ranges. */
export function keptText(file: VFile): string {
  const text = String(file.value)
  let kept = ''
  let at = 0
  for (const range of file.data.ingest?.excluded ?? []) {
    if (range.start > at) kept += text.slice(at, range.start) + '\n'
    at = Math.max(at, range.end)
  }
  return kept + text.slice(at)
}

/** Ingest the HTML fixtures and score them against their sidecars. */
export async function scoreHtmlFixtures(folder: string) {
  const pages: Array<PageScore> = []
  let overlap = 0
  let actualCount = 0
  let expectedCount = 0
  for await (const file of ingest([folder], {include: '*.html', duplicates: 'off'})) {
    const data = file.data.ingest!
    const name = path.basename(data.source.path, '.html')
    const expected = JSON.parse(fs.readFileSync(path.join(folder, name + '.json'), 'utf8')) as Expected
    const score = tokenF1(keptText(file), expected.body)
    overlap += score.overlap
    actualCount += score.actualCount
    expectedCount += score.expectedCount
    pages.push({
      name,
      template: expected.template,
      f1: score.f1,
      precision: score.precision,
      recall: score.recall,
      title: data.title === expected.title,
      date: data.published?.slice(0, 10) === expected.date,
      authors: JSON.stringify(data.authors) === JSON.stringify(expected.authors),
      actual: {title: data.title, date: data.published, authors: data.authors}
    })
  }
  const precision = overlap / actualCount
  const recall = overlap / expectedCount
  return {
    pages,
    /** Micro-averaged over all tokens. */
    f1: (2 * precision * recall) / (precision + recall),
    /** Mean of the per-page F1. */
    meanF1: pages.reduce((sum, page) => sum + page.f1, 0) / pages.length,
    title: pages.filter((page) => page.title).length / pages.length,
    date: pages.filter((page) => page.date).length / pages.length,
    authors: pages.filter((page) => page.authors).length / pages.length
  }
}
