import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {SqliteKnowledgeBase, entityFromWikidata, importWikidataDump, type ImportProgress} from '../src/index.js'
import {sharedDir} from './shared.js'

const dir = mkdtempSync(join(tmpdir(), 'kb-import-'))
const shared = sharedDir() ?? '/nonexistent'

function item(id: string, label: string, p31: Array<string>, options: {aliases?: Array<string>; enwiki?: string; sitelinks?: number; mul?: string} = {}) {
  const sitelinks: Record<string, {site: string; title: string}> = {}
  if (options.enwiki) sitelinks['enwiki'] = {site: 'enwiki', title: options.enwiki}
  for (let i = 0; i < (options.sitelinks ?? 0); i++) sitelinks[`x${i}wiki`] = {site: `x${i}wiki`, title: label}
  return {
    type: 'item',
    id,
    labels: {
      ...(label ? {en: {language: 'en', value: label}} : {}),
      ...(options.mul ? {mul: {language: 'mul', value: options.mul}} : {}),
      fr: {language: 'fr', value: `${label} (fr)`}
    },
    descriptions: {en: {language: 'en', value: `fixture ${id}`}},
    aliases: {en: (options.aliases ?? []).map((value) => ({language: 'en', value}))},
    claims: {
      P31: p31.map((q) => ({mainsnak: {snaktype: 'value', property: 'P31', datavalue: {type: 'wikibase-entityid', value: {'entity-type': 'item', id: q}}}}))
    },
    sitelinks
  }
}

const items = [
  item('Q501', 'Ada Brennan', ['Q5'], {aliases: ['A. Brennan'], enwiki: 'Ada Brennan', sitelinks: 3}),
  item('Q502', 'Kestrel Bay', ['Q515'], {enwiki: 'Kestrel Bay, Oregon', sitelinks: 1}),
  item('Q503', 'Norvale Daily', ['Q11032'], {sitelinks: 2}),
  item('Q504', '', ['Q5'], {mul: 'Jüri Tamm', sitelinks: 0}),
  item('Q505', 'Ballad of Norvale', ['Q7366'], {enwiki: 'Ballad of Norvale'})
]

/** The dump's line format: `[`, one entity per line with a trailing comma except the last, `]`. */
const dump = '[\n' + items.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n'

describe('importWikidataDump', {timeout: 60_000}, () => {
  it('turns a dump entity into a KB entity', () => {
    expect(entityFromWikidata(items[1]!)).toEqual({
      id: 'Q502',
      label: 'Kestrel Bay',
      aliases: [],
      description: 'fixture Q502',
      type: 'place',
      classes: ['Q515'],
      wikipedia: 'Kestrel Bay, Oregon',
      popularity: 2
    })
    expect(entityFromWikidata(items[3]!)?.label).toBe('Jüri Tamm')
    expect(entityFromWikidata({id: 'P31', labels: {en: {value: 'instance of'}}})).toBe(undefined)
  })

  for (const [ext, encode] of [
    ['json', (s: string) => Buffer.from(s)],
    ['json.gz', (s: string) => gzipSync(s)],
    ['json.bz2', (s: string) => execFileSync('bzip2', ['-c'], {input: s})]
  ] as const) {
    it(`imports a .${ext} dump`, async () => {
      const input = join(dir, `dump.${ext}`)
      writeFileSync(input, encode(dump))
      const progress: Array<ImportProgress> = []
      const result = await importWikidataDump(input, join(dir, `${ext}.sqlite`), {progressEvery: 2}, (p) => progress.push(p))
      expect([result.lines, result.kept, result.invalid]).toEqual([7, 5, 0])
      expect(progress.at(-1)).toMatchObject({lines: 7, kept: 5, done: true})
      expect(progress.length).toBe(4)
      const kb = new SqliteKnowledgeBase(join(dir, `${ext}.sqlite`))
      expect(kb.snapshot).toBe(result.snapshot)
      expect(kb.size).toBe(5)
      expect(kb.lookup('a brennan').map((c) => c.entity.id)).toEqual(['Q501'])
      expect(kb.lookup('Brennan').map((c) => [c.entity.id, c.match])).toEqual([['Q501', 'short']])
      expect(kb.get('Q503')).toMatchObject({type: 'organization', popularity: 2})
      kb.close()
    })
  }

  it('keeps only some classes or entities with an English article', async () => {
    const input = join(dir, 'filter.json')
    writeFileSync(input, dump)
    const people = await importWikidataDump(input, join(dir, 'people.sqlite'), {classes: ['Q5'], snapshot: 'people'})
    expect(people.kept).toBe(2)
    const enwiki = await importWikidataDump(input, join(dir, 'enwiki.sqlite'), {enwikiOnly: true})
    expect(enwiki.kept).toBe(3)
    const kb = new SqliteKnowledgeBase(join(dir, 'people.sqlite'))
    expect(kb.snapshot).toBe('people')
    expect(kb.get('Q502')).toBe(undefined)
    kb.close()
  })

  it('reads NDJSON in the simplified format of wikibase-dump-filter', async () => {
    const input = join(dir, 'entities.ndjson')
    const lines = [
      {id: 'Q601', type: 'item', labels: {en: 'Orla Finch'}, aliases: {en: ['O. Finch']}, descriptions: {en: 'fixture'}, claims: {P31: ['Q5']}, sitelinks: {enwiki: 'Orla Finch', dewiki: 'Orla Finch'}},
      'not json {',
      {id: 'Q602', type: 'item', labels: {en: 'Finch Holdings'}, claims: {P31: ['Q4830453']}, sitelinks: {}}
    ]
    writeFileSync(input, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n{"broken": \n')
    const result = await importWikidataDump(input, join(dir, 'ndjson.sqlite'))
    expect([result.kept, result.invalid]).toEqual([2, 1])
    const kb = new SqliteKnowledgeBase(join(dir, 'ndjson.sqlite'))
    expect(kb.get('Q601')).toEqual({id: 'Q601', label: 'Orla Finch', aliases: ['O. Finch'], description: 'fixture', type: 'person', classes: ['Q5'], wikipedia: 'Orla Finch', popularity: 2})
    expect(kb.lookup('Finch', {type: 'person'}).map((c) => c.entity.id)).toEqual(['Q601'])
    kb.close()
  })

  // Parser threads load the built worker: run where the package is built.
  const built = new URL('../dist/index.js', import.meta.url)
  it.skipIf(!existsSync(built))('parses on worker threads with the same result', async () => {
    const {importWikidataDump: importBuilt, SqliteKnowledgeBase: Built} = (await import(built.href)) as typeof import('../src/index.js')
    const input = join(dir, 'threads.json')
    const many = ['[']
    for (let i = 0; i < 5000; i++) {
      many.push(JSON.stringify(item(`Q${7000 + i}`, `Person ${i} Fixture`, [i % 2 ? 'Q5' : 'Q515'], {enwiki: `Person ${i}`})) + ',')
    }
    many.push('{"broken": "Q5"', ']')
    writeFileSync(input, many.join('\n'))
    const inThread = await importBuilt(input, join(dir, 't0.sqlite'), {classes: ['Q5']})
    const threaded = await importBuilt(input, join(dir, 't2.sqlite'), {classes: ['Q5'], threads: 2})
    expect([threaded.lines, threaded.kept, threaded.invalid]).toEqual([inThread.lines, inThread.kept, inThread.invalid])
    expect([threaded.kept, threaded.invalid]).toEqual([2500, 1])
    const kb = new Built(join(dir, 't2.sqlite'))
    expect(kb.lookup('Person 4999 Fixture').map((c) => c.entity.id)).toEqual(['Q11999'])
    expect(kb.lookup('Person 4998 Fixture')).toEqual([])
    kb.close()
  })

  const sample = join(shared, 'kb/wikidata-dump-sample/entities.json')
  it.skipIf(!existsSync(sample))('imports the real 49-item dump sample', async () => {
    const result = await importWikidataDump(sample, join(dir, 'sample.sqlite'), {classes: ['Q5', 'Q6256', 'Q515']})
    const kb = new SqliteKnowledgeBase(join(dir, 'sample.sqlite'))
    expect(kb.get('Q23')).toMatchObject({label: 'George Washington', type: 'person', wikipedia: 'George Washington'})
    expect(kb.get('Q142')).toMatchObject({label: 'France', type: 'place'})
    expect(kb.get('Q220')).toMatchObject({label: 'Rome', type: 'place', wikipedia: 'Rome'})
    expect(kb.get('Q44')).toBe(undefined)
    expect(kb.lookup('Washington', {type: 'person'}).map((c) => c.entity.id)).toEqual(['Q23'])
    expect(result.kept).toBe(kb.size)
    kb.close()
    const all = await importWikidataDump(sample, join(dir, 'sample-all.sqlite'))
    expect(all.kept).toBe(49)
  })
})
