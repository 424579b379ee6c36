import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {commonWords, keyOf} from '../scripts/lib.js'
import {loadStarterKb, nameKey} from '../src/index.js'
import {sharedDir} from './shared.js'

const root = join(import.meta.dirname, '..')

describe('data scripts', () => {
  it('compute lookup keys as the package does', () => {
    const names = ['Washington, D.C.', 'the Fed', 'Malé', 'Şanlıurfa', "Xi'an", 'St. John’s', 'Ben Ray Luján', 'U.S.', 'Trump’s', 'Rostov-on-Don']
    expect(names.map(keyOf)).toEqual(names.map(nameKey))
  })

  it('leave no common word as a name in the starter KB', () => {
    const kb = loadStarterKb()
    const found = [...commonWords].filter((word) => kb.lookup(word, {short: false}).some((c) => c.match !== 'label'))
    expect(found).toEqual([])
  })

  it.skipIf(!sharedDir())('find no problem in the starter KB sources', {timeout: 60_000}, () => {
    const output = execFileSync(process.execPath, [join(root, 'scripts', 'check-starter.js')], {encoding: 'utf8'})
    expect(output).toMatch(/^0 problems$/m)
    expect(output).toMatch(/'verified:us-legislators': \d+/)
  })
})
