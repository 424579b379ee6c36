import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {folder} from './helpers.js'

// Worker threads run the built package: this test reads `dist/`, which turbo
// builds before the tests.
const built = path.join(import.meta.dirname, '..', 'dist', 'index.js')

type Ingest = typeof import('../src/index.js').ingest

async function run(ingest: Ingest, root: string, threads: number, cache?: Map<string, string>) {
  const files: Array<VFile> = []
  const generator = ingest(root, cache ? {threads, cache} : {threads})
  for (;;) {
    const next = await generator.next()
    if (next.done) return {files, summary: next.value}
    files.push(next.value)
  }
}

function flat(file: VFile) {
  return {
    text: String(file.value),
    data: file.data.ingest,
    messages: file.messages.map((m) => [m.reason, m.ruleId, m.source, m.fatal, m.line, m.actual, m.expected])
  }
}

function article(n: number): string {
  const towns = ['Harlow', 'Dunmore', 'Eastfield', 'Carver Bay', 'Millbrook', 'Westport']
  return [
    '---',
    `title: Council vote number ${n}`,
    `published: 2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
    '---',
    '',
    `${towns[n % towns.length].toUpperCase()} — The council of ${towns[n % towns.length]} voted ${n} to ${n % 7} on Tuesday`,
    `to fund item ${n} of the plan, Mayor Dana Whitcomb said. Residents spoke for ${n % 5 + 1} hours.`,
    '',
    `Photo: Staff photographer ${n}`,
    ''
  ].join('\n')
}

describe('ingest on worker threads', () => {
  it('gives the same documents, messages, duplicates and order as one thread', async () => {
    if (!fs.existsSync(built)) throw new Error('Build the package first (`pnpm build`): this test runs dist/')
    const {ingest} = (await import(built)) as {ingest: Ingest}
    const files: Record<string, string> = {}
    // More files than the threshold below which no thread is started (2 threads × 16 × 2).
    for (let n = 0; n < 120; n++) files[`${n < 60 ? 'a' : 'b/c'}/article-${String(n).padStart(3, '0')}.txt`] = article(n)
    // An exact copy in another folder, a feed of two items, a broken JSONL line and an empty file.
    files['b/copy-of-7.txt'] = article(7)
    files['b/feed.xml'] =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>' +
      '<item><title>One</title><link>https://example.org/1</link><description>First wire item about the harbour.</description></item>' +
      '<item><title>Two</title><link>https://example.org/2</link><description>Second wire item about the bridge.</description></item>' +
      '</channel></rss>'
    files['b/wire.jsonl'] = '{"id": "w1", "text": "The port reopened on Monday."}\n{"id": "w2", "text": broken\n'
    files['b/empty.txt'] = ''
    const root = folder(files)
    const one = await run(ingest, root, 1)
    const two = await run(ingest, root, 2)
    expect(one.files.length).toBe(126)
    expect(one.summary).toEqual({documents: 126, failed: 2, duplicates: 1, skipped: 0, cached: 0})
    expect(two.summary).toEqual(one.summary)
    expect(two.files.map(flat)).toEqual(one.files.map(flat))
    const copy = one.files.find((file) => file.data.ingest?.id === 'b/copy-of-7.txt')
    expect(copy?.data.ingest?.duplicateOf).toBe('a/article-007.txt')
    expect(one.files.at(-1)?.data.ingest?.id).toBe('b/wire.jsonl#2')

    // Through a cache: filled on threads, read on threads, the same documents.
    const cache = new Map<string, string>()
    const filled = await run(ingest, root, 2, cache)
    expect(filled.summary.cached).toBe(0)
    expect(cache.size).toBe(124)
    const again = await run(ingest, root, 2, cache)
    expect(again.summary).toEqual({...one.summary, cached: 126})
    expect(again.files.map(flat)).toEqual(one.files.map(flat))
    // One edited file among 124: done alone, on this thread.
    fs.appendFileSync(path.join(root, 'a', 'article-003.txt'), 'The vote was postponed.\n')
    const edited = await run(ingest, root, 2, cache)
    expect(edited.summary.cached).toBe(125)
    expect(edited.files.map(flat)).toEqual((await run(ingest, root, 1)).files.map(flat))
  }, 60_000)

  it('rejects a threads option that is not a whole number', async () => {
    const {ingest} = await import('../src/index.js')
    await expect(ingest('.', {threads: 0}).next()).rejects.toThrow(/Invalid option `threads`/)
  })
})
