import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {deriveLexiconData, renderLexiconData} from '../scripts/lexicon-data.js'
import {lexicon} from '../src/lib/lexicon.js'

describe('lexicon data', () => {
  it('is what compromise and city-timezones give now (run `pnpm lexicon-data` when it is not)', () => {
    const committed = fs.readFileSync(new URL('../src/lib/lexicon-data.ts', import.meta.url), 'utf8')
    expect(renderLexiconData(deriveLexiconData()) === committed).toBe(true)
  })

  it('reads into the lookups', () => {
    const lex = lexicon()
    expect(lex.given.has('aaron')).toBe(true)
    expect(lex.given.has('tomás')).toBe(true)
    expect(lex.surnames.has('acosta')).toBe(true)
    expect(lex.known.get('nairobi')).toBe('place')
    expect(lex.known.has('bill')).toBe(false)
    expect(lex.common.has('bridge')).toBe(true)
    expect(lex.orgWords.has('academy')).toBe(true)
    expect(lex.placeWords.has('canyon')).toBe(true)
  })
})
