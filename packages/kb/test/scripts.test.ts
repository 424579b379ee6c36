import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {commonWords} from '../scripts/lib.js'
import {loadStarterKb} from '../src/index.js'
import {sharedDir} from './shared.js'

const root = join(import.meta.dirname, '..')

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
