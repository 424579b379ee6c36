import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingest, type Options} from '../src/index.js'
import {folder} from './helpers.js'

async function run(root: string, options: Options) {
  const files: Array<VFile> = []
  const generator = ingest(root, options)
  for (;;) {
    const next = await generator.next()
    if (next.done) return {files, summary: next.value}
    files.push(next.value)
  }
}

const flat = (file: VFile) => ({
  text: String(file.value),
  data: file.data.ingest,
  messages: file.messages.map((m) => [m.reason, m.ruleId, m.fatal, m.line, m.actual])
})

describe('the cache option', () => {
  const story = (town: string) =>
    `---\ntitle: Flooding in ${town}\npublished: 2024-05-02\n---\n\n${town.toUpperCase()} — The river rose four feet overnight in ${town}, and the bridge on Mill Road was closed on Thursday, the county said.\n\nPhoto: County handout\n`

  it('gives the same documents from the cache, and parses again only what changed', async () => {
    const root = folder({
      'one.txt': story('Harlow'),
      'two.txt': story('Dunmore'),
      // The same article again: a duplicate, found whether or not it comes from the cache.
      'zz-copy.txt': story('Harlow'),
      'wire.jsonl': '{"id": "w1", "text": "The port reopened on Monday."}\n{"id": "w2", "text": broken\n'
    })
    const cache = new Map<string, string>()
    const fresh = await run(root, {cache})
    expect(fresh.summary).toEqual({documents: 5, failed: 1, duplicates: 1, skipped: 0, cached: 0})
    expect(cache.size).toBe(4)
    const cached = await run(root, {cache})
    expect(cached.summary).toEqual({...fresh.summary, cached: 5})
    expect(cached.files.map(flat)).toEqual(fresh.files.map(flat))
    expect(cached.files[4].data.ingest?.duplicateOf).toBe('one.txt')
    expect(cached.files[3].messages[0].reason).toMatch(/wire\.jsonl:2: /)

    fs.writeFileSync(path.join(root, 'two.txt'), story('Eastfield'))
    const edited = await run(root, {cache})
    expect(edited.summary.cached).toBe(4)
    expect(String(edited.files[1].value)).toContain('Eastfield')
    expect(edited.files.map(flat)).toEqual((await run(root, {})).files.map(flat))
  })

  it('keys on the name too: a renamed file gets its new id', async () => {
    const root = folder({'old.txt': story('Millbrook')})
    const cache = new Map<string, string>()
    await run(root, {cache})
    fs.renameSync(path.join(root, 'old.txt'), path.join(root, 'new.txt'))
    const renamed = await run(root, {cache})
    expect(renamed.summary.cached).toBe(0)
    expect(renamed.files[0].data.ingest?.id).toBe('new.txt')
  })

  it('reads again what it cannot use, and rejects a cache without get and set', async () => {
    const root = folder({'a.txt': story('Westport')})
    const cache = new Map<string, string>()
    await run(root, {cache})
    for (const key of cache.keys()) cache.set(key, 'not a cached document')
    const again = await run(root, {cache})
    expect(again.summary.cached).toBe(0)
    expect(String(again.files[0].value)).toContain('Westport')
    await expect(run(root, {cache: {} as never})).rejects.toThrow(/Invalid option `cache`/)
  })
})
