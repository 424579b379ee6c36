import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {commonWords, readJsonl} from '../scripts/lib.js'
import {loadStarterKb} from '../src/index.js'
import {sharedDir} from './shared.js'

const root = join(import.meta.dirname, '..')

/** The `*.jsonl` files under a folder, with their path below `data-src/`. */
function jsonlFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), {withFileTypes: true}).flatMap((d) =>
    d.isDirectory() ? jsonlFiles(dir, join(under, d.name)) : d.name.endsWith('.jsonl') ? [join(under, d.name)] : []
  )
}

const line = (entry: Record<string, unknown>) => JSON.stringify(entry)
const entry = {id: 'Q90', label: 'Paris', aliases: [], description: 'capital of France', type: 'place', classes: [], popularity: 250}

describe('data scripts', () => {
  it('leave no common word as a name in the starter KB', () => {
    const kb = loadStarterKb()
    const found = [...commonWords].filter((word) => kb.lookup(word, {short: false}).some((c) => c.match !== 'label'))
    expect(found).toEqual([])
  })

  it('rebuild the committed starter KB from data-src byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-starter-'))
    try {
      const out = join(dir, 'starter.jsonl.gz')
      execFileSync(process.execPath, [join(root, 'scripts', 'build-starter.js'), '--out', out], {encoding: 'utf8'})
      expect(readFileSync(out).equals(readFileSync(join(root, 'data', 'starter.jsonl.gz')))).toBe(true)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('ship no entry whose QID is unchecked, and keep only those in data-src/unchecked/', () => {
    const src = join(root, 'data-src')
    const shipped: string[] = []
    const withheld: string[] = []
    for (const file of jsonlFiles(src)) {
      for (const e of readJsonl(join(src, file))) {
        if (file.startsWith('unchecked')) {
          if (e.source !== 'memory') withheld.push(`${file} ${e.id} ${e.source}`)
        } else if (e.source === 'memory') shipped.push(`${file} ${e.id} ${e.label}`)
      }
    }
    expect(shipped).toEqual([])
    expect(withheld).toEqual([])
  })

  it('keep every withheld entry out of the built starter KB', () => {
    const kb = loadStarterKb()
    const dir = join(root, 'data-src', 'unchecked')
    const ids = readdirSync(dir).flatMap((name) => readJsonl(join(dir, name)).map((e) => String(e['id'])))
    expect(ids.length).toBeGreaterThan(0)
    expect(ids.filter((id) => kb.get(id))).toEqual([])
    // The one QID the checking replaced: Zelenskyy is Q3874799, not Q3881189.
    expect(kb.get('Q3874799')?.label).toBe('Volodymyr Zelenskyy')
    expect(kb.get('Q3881189')).toBeUndefined()
  })

  it('refuse to build an entry tagged memory, and build it once checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-memory-'))
    try {
      const input = join(dir, 'paris.jsonl')
      const out = join(dir, 'starter.jsonl.gz')
      const build = join(root, 'scripts', 'build-starter.js')
      writeFileSync(input, line({...entry, source: 'memory'}) + '\n')
      let error: {status?: number; stderr?: string} = {}
      try {
        execFileSync(process.execPath, [build, '--out', out, input], {encoding: 'utf8', stdio: 'pipe'})
      } catch (caught) {
        error = caught as typeof error
      }
      expect(error.status).toBe(1)
      expect(error.stderr).toContain('Q90 Paris is unchecked (source memory)')
      writeFileSync(input, line({...entry, source: 'verified:search', check: 'a public file'}) + '\n')
      const output = execFileSync(process.execPath, [build, '--out', out, input], {encoding: 'utf8'})
      expect(output).toMatch(/: 1 entities, snapshot starter-[0-9a-f]{8}/)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it.skipIf(!sharedDir())('derive the committed data-src/derived files from shared/kb', {timeout: 60_000}, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-derived-'))
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'derive-shared.js'), '--out', dir], {encoding: 'utf8'})
      const committed = join(root, 'data-src', 'derived')
      expect(readdirSync(dir).sort()).toEqual(readdirSync(committed).sort())
      for (const name of readdirSync(dir)) {
        expect(readFileSync(join(dir, name), 'utf8'), name).toBe(readFileSync(join(committed, name), 'utf8'))
      }
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it.skipIf(!sharedDir())('find no problem in the starter KB sources', {timeout: 60_000}, () => {
    const output = execFileSync(process.execPath, [join(root, 'scripts', 'check-starter.js')], {encoding: 'utf8'})
    expect(output).toMatch(/^0 problems$/m)
    expect(output).toMatch(/'verified:us-legislators': \d+/)
  })
})
