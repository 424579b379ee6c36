import fs from 'node:fs'
import path from 'node:path'
import {validateRecord, type DocumentRecord} from '@copydesk/document'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, readJsonl, temporary} from './helpers.js'

const stages = ['ingest', 'names', 'dates', 'link', 'export']

function stageStatus(stderr: string): Record<string, 'hit' | 'run'> {
  const status: Record<string, 'hit' | 'run'> = {}
  for (const stage of stages) {
    const line = stderr.split('\n').find((l) => l.trimStart().startsWith(stage + ' '))
    if (line) status[stage] = line.includes('turbo cache hit') ? 'hit' : 'run'
  }

  return status
}

describe('copydesk pipeline run', () => {
  let corpus: string
  let out: string

  beforeAll(() => {
    const dir = temporary('run')
    corpus = path.join(dir, 'corpus')
    out = path.join(dir, 'out')
    fs.mkdirSync(corpus)
    fs.writeFileSync(
      path.join(corpus, 'harris.txt'),
      'Vice President Kamala Harris met Kim Kardashian at the White House on Thursday.\n'
    )
    fs.writeFileSync(
      path.join(corpus, 'wire.jsonl'),
      [
        JSON.stringify({id: 'wire-1', text: 'President Biden signed the bill today.', published: '2024-04-26', outlet: 'Wire'}),
        '{"id": "wire-2", "text": "truncated',
        JSON.stringify({id: 'wire-3', text: 'Harris spoke in Atlanta.', published: '2024-04-25'})
      ].join('\n') + '\n'
    )
  })

  it('processes the corpus, reports the bad line with its path and line, and exits 1', () => {
    const result = cli(['run', '--input', corpus, '--out', out, '--concurrency', '1'])
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/4 documents read, 3 processed, 1 failed/)
    expect(result.stderr).toMatch(/1 of 4 documents failed; see .*errors\.jsonl/)
    const errors = readJsonl(path.join(out, 'errors.jsonl'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({path: path.join(corpus, 'wire.jsonl'), line: 2})
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records.map((r) => r.id)).toEqual(['harris.txt', 'wire-1', 'wire-3'])
    for (const record of records) expect(validateRecord(record)).toEqual([])
    // Plain-text and JSONL text is kept unchanged, so offsets point into the input.
    expect(records[1].text).toBe('President Biden signed the bill today.')
    expect(records[1].published).toBe('2024-04-26')
  })

  it('is a full turbo cache hit when nothing changed, with the same outputs', () => {
    const before = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')
    fs.rmSync(out, {recursive: true})
    const result = cli(['run', '--input', corpus, '--out', out])
    expect(result.code).toBe(1)
    expect(stageStatus(result.stderr)).toEqual({ingest: 'hit', names: 'hit', dates: 'hit', link: 'hit', export: 'hit'})
    expect(result.stderr).toContain('all 5 stages from the turbo cache')
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).toBe(before)
    expect(fs.existsSync(path.join(out, 'errors.jsonl'))).toBe(true)
  })

  it('gives the same output, in the same order, on several worker threads', async () => {
    // Enough documents for several batches, so the stages start their pools.
    const {generateCorpus} = await import('../bin/generate-corpus.js')
    const base = temporary('threads')
    generateCorpus(path.join(base, 'corpus'), 100)
    const input = path.join(base, 'corpus')
    const one = cli(['run', '--input', input, '--out', path.join(base, 'one'), '--format', 'jsonl,csv', '--force', '--concurrency', '1'])
    expect(one.code, one.stderr).toBe(0)
    expect(one.stderr).toMatch(/names {3}100 run, 0 from cache, /)
    // Export records are made on the threads; with a CSV to write, they are parsed back here.
    const three = cli(['run', '--input', input, '--out', path.join(base, 'three'), '--format', 'jsonl,csv', '--force', '--concurrency', '3'])
    expect(three.code, three.stderr).toBe(0)
    for (const stage of ['names', 'dates', 'link']) {
      expect(three.stderr).toMatch(new RegExp(`${stage} +100 run, 0 from cache on 3 threads`))
    }

    // JSON Lines alone: records are never parsed in the export stage's own thread.
    const two = cli(['run', '--input', input, '--out', path.join(base, 'two'), '--force', '--concurrency', '2'])
    expect(two.code, two.stderr).toBe(0)
    const single = fs.readFileSync(path.join(base, 'one', 'documents.jsonl'), 'utf8')
    expect(single.split('\n').filter(Boolean)).toHaveLength(100)
    expect(fs.readFileSync(path.join(base, 'three', 'documents.jsonl'), 'utf8')).toBe(single)
    expect(fs.readFileSync(path.join(base, 'two', 'documents.jsonl'), 'utf8')).toBe(single)
    expect(fs.readFileSync(path.join(base, 'three', 'mentions.csv'), 'utf8')).toBe(fs.readFileSync(path.join(base, 'one', 'mentions.csv'), 'utf8'))
    expect(cli(['run', '--concurrency', 'many']).stderr).toContain('--concurrency: expected a whole number')
  })

  it('re-runs only the stages after a changed stage option', () => {
    const config = path.join(path.dirname(corpus), 'config.json')
    fs.writeFileSync(config, JSON.stringify({dates: {published: '2024-04-20'}}))
    const result = cli(['run', '--input', corpus, '--out', out, '--config', config])
    expect(stageStatus(result.stderr)).toEqual({ingest: 'hit', names: 'hit', dates: 'run', link: 'run', export: 'run'})
  })

  it('re-processes only the edited document in each stage', () => {
    fs.appendFileSync(path.join(corpus, 'harris.txt'), 'She spoke for an hour.\n')
    const result = cli(['run', '--input', corpus, '--out', out])
    const status = stageStatus(result.stderr)
    expect(status.ingest).toBe('run')
    // The JSONL file (two documents and a bad line) comes from the per-file cache.
    expect(result.stderr).toMatch(/ingest {2}1 run, 3 from cache/)
    expect(result.stderr).toMatch(/names {3}1 run, 2 from cache/)
    expect(result.stderr).toMatch(/dates {3}1 run, 2 from cache/)
    expect(result.stderr).toMatch(/export {2}1 run, 2 from cache/)
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records[0].text).toContain('She spoke for an hour.')
    expect(records[0].dates.map((date) => date.text)).toContain('an hour')
    // What the caches gave is what a run from scratch makes.
    const forced = path.join(path.dirname(corpus), 'out-forced')
    cli(['run', '--input', corpus, '--out', forced, '--force'])
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).toBe(fs.readFileSync(path.join(forced, 'documents.jsonl'), 'utf8'))
  })

  it('never serves a stale hit: alternating inputs give each input its own outputs', () => {
    const other = path.join(path.dirname(corpus), 'other')
    fs.mkdirSync(other)
    fs.writeFileSync(path.join(other, 'solo.txt'), 'Mayor Ana Ruiz opened the bridge on Monday.\n')
    const outA = path.join(path.dirname(corpus), 'out-a')
    const outB = path.join(path.dirname(corpus), 'out-b')
    cli(['run', '--input', corpus, '--out', outA])
    expect(cli(['run', '--input', other, '--out', outB]).code).toBe(0)
    const again = cli(['run', '--input', corpus, '--out', outA])
    expect(stageStatus(again.stderr).export).toBe('hit')
    expect(readJsonl<DocumentRecord>(path.join(outA, 'documents.jsonl')).map((r) => r.id)).toEqual(['harris.txt', 'wire-1', 'wire-3'])
    expect(readJsonl<DocumentRecord>(path.join(outB, 'documents.jsonl')).map((r) => r.id)).toEqual(['solo.txt'])
    // B had no failures: its error report is there, and empty.
    expect(fs.existsSync(path.join(outB, 'errors.jsonl'))).toBe(true)
    expect(fs.readFileSync(path.join(outB, 'errors.jsonl'), 'utf8')).toBe('')
  })

  it('follows symbolic links when fingerprinting input, so an edit behind a link is seen', () => {
    const dir = path.dirname(corpus)
    const target = path.join(dir, 'target.txt')
    fs.writeFileSync(target, 'Senator Mark Ellis spoke on Friday.\n')
    const linked = path.join(dir, 'linked')
    fs.mkdirSync(linked)
    fs.symlinkSync(target, path.join(linked, 'story.txt'))
    const outL = path.join(dir, 'out-l')
    expect(cli(['run', '--input', linked, '--out', outL]).code).toBe(0)
    fs.writeFileSync(target, 'Senator Mark Ellis spoke on Saturday.\n')
    const result = cli(['run', '--input', linked, '--out', outL])
    expect(stageStatus(result.stderr).ingest).toBe('run')
    expect(readJsonl<DocumentRecord>(path.join(outL, 'documents.jsonl'))[0].text).toContain('Saturday')
  })

  it('says so when the input holds no documents', () => {
    const empty = temporary('empty')
    const result = cli(['run', '--input', empty, '--out', path.join(empty, 'out')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the input holds no documents')
  })

  it('reads standard input with --input -', () => {
    const dir = temporary('stdin')
    const result = cli(['run', '--input', '-', '--out', dir], {
      input: JSON.stringify({id: 'from-stdin', text: 'Governor Lee spoke.', published: '2024-04-26'}) + '\n'
    })
    expect(result.code, result.stderr).toBe(0)
    expect(readJsonl<DocumentRecord>(path.join(dir, 'documents.jsonl'))[0].id).toBe('from-stdin')
  })
})
