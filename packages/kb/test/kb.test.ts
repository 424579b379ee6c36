import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  MemoryKnowledgeBase,
  SqliteKnowledgeBase,
  loadStarterKb,
  nameKey,
  nilId,
  shortForms,
  typeFromClasses,
  writeSqliteKb,
  type KbEntity,
  type KnowledgeBase
} from '../src/index.js'

const fixtures: Array<KbEntity> = [
  {id: 'Q1001', label: 'Marta Ibáñez', aliases: ['Secretary Ibáñez'], description: 'fixture minister', type: 'person', classes: ['Q5'], wikipedia: 'Marta Ibáñez', popularity: 40},
  {id: 'Q1002', label: 'Tomas Ibanez', aliases: [], description: 'fixture footballer', type: 'person', classes: ['Q5'], popularity: 10},
  {id: 'Q1003', label: 'Port Ellery', aliases: ['Port Ellery, N.S.'], description: 'fixture city', type: 'place', classes: ['Q515'], wikipedia: 'Port Ellery', popularity: 25},
  {id: 'Q1004', label: 'Federal Reserve', aliases: ['the Fed', 'Federal Reserve System'], description: 'fixture central bank', type: 'organization', classes: ['Q43229'], wikipedia: 'Federal Reserve', popularity: 90},
  {id: 'Q1005', label: 'Ludwig van Beethoven', aliases: [], description: 'fixture composer', type: 'person', classes: ['Q5'], popularity: 200}
]

function contract(name: string, make: () => KnowledgeBase) {
  describe(name, () => {
    const kb = make()
    it('counts its entities and gets by id', () => {
      expect(kb.size).toBe(5)
      expect(kb.get('Q1004')?.label).toBe('Federal Reserve')
      expect(kb.get('Q1003')?.wikipedia).toBe('Port Ellery')
      expect(kb.get('Q1002')?.wikipedia).toBe(undefined)
      expect(kb.get('Q9')).toBe(undefined)
    })
    it('looks up aliases case-, accent- and punctuation-insensitively', () => {
      expect(kb.lookup('MARTA IBANEZ').map((c) => [c.entity.id, c.match])).toEqual([['Q1001', 'label']])
      expect(kb.lookup('secretary ibáñez').map((c) => c.entity.id)).toEqual(['Q1001'])
      expect(kb.lookup('Fed').map((c) => [c.entity.id, c.match])).toEqual([['Q1004', 'alias']])
      expect(kb.lookup('the Federal Reserve').map((c) => c.entity.id)).toEqual(['Q1004'])
      expect(kb.lookup('Port Ellery NS').map((c) => c.entity.id)).toEqual(['Q1003'])
    })
    it('finds surnames as short forms, most popular first, and filters by type', () => {
      expect(kb.lookup('Ibanez').map((c) => [c.entity.id, c.match])).toEqual([
        ['Q1001', 'short'],
        ['Q1002', 'short']
      ])
      expect(kb.lookup('van Beethoven').map((c) => c.entity.id)).toEqual(['Q1005'])
      expect(kb.lookup('Ibanez', {short: false})).toEqual([])
      expect(kb.lookup('Port Ellery', {type: 'person'})).toEqual([])
      expect(kb.lookup('Port Ellery', {type: ['person', 'place']}).map((c) => c.entity.id)).toEqual(['Q1003'])
    })
    it('finds misspellings within the bound and not beyond', () => {
      expect(kb.fuzzy('Federal Reserv').map((c) => [c.entity.id, c.match, c.distance])).toEqual([['Q1004', 'fuzzy', 1]])
      expect(kb.fuzzy('Port Elery').map((c) => [c.entity.id, c.distance])).toEqual([['Q1003', 1]])
      expect(kb.fuzzy('Port Ellery').map((c) => [c.entity.id, c.match, c.distance])).toEqual([['Q1003', 'label', 0]])
      expect(kb.fuzzy('Pork Elleri', {maxDistance: 1})).toEqual([])
      expect(kb.fuzzy('Fad')).toEqual([])
    })
  })
}

contract('MemoryKnowledgeBase', () => new MemoryKnowledgeBase('fixtures', fixtures))
contract('SqliteKnowledgeBase', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kb-')), 'kb.sqlite')
  writeSqliteKb(file, fixtures, 'fixtures-1')
  const kb = new SqliteKnowledgeBase(file)
  expect(kb.snapshot).toBe('fixtures-1')
  return kb
})

describe('names', () => {
  it('makes lookup keys', () => {
    expect(nameKey('Washington, D.C.')).toBe('washington dc')
    expect(nameKey('U.S.')).toBe('us')
    expect(nameKey('the Fed')).toBe('fed')
    expect(nameKey('São Paulo')).toBe('sao paulo')
    expect(nameKey('Coca-Cola')).toBe('coca cola')
    expect(nameKey('Harris’s')).toBe('harris')
    // Plain names (letters, digits, single spaces) take a shorter path to the same key.
    expect(nameKey('The Hague')).toBe('hague')
    expect(nameKey('THE')).toBe('the')
    expect(nameKey('Ada Abara 1k')).toBe('ada abara 1k')
    expect(nameKey('Ada  Abara')).toBe('ada abara')
    expect(nameKey(' Ada')).toBe('ada')
    expect(nameKey('the  Fed')).toBe('fed')
  })
  it('makes NIL ids with ASCII slugs, letters without a decomposition spelled out', () => {
    expect(nilId('Sølvi Haugland', 'person', 'sølvi-haugland')).toMatch(/^nil:solvi-haugland-[0-9a-f]{6}$/)
    expect(nilId('Łukasz Gößmann', 'person')).toMatch(/^nil:lukasz-gossmann-[0-9a-f]{6}$/)
    expect(nilId('Marisol Echeverría', 'person', 'marisol-echeverria')).toMatch(/^nil:marisol-echeverria-[0-9a-f]{6}$/)
    // The hash is the identity's, not the slug's: the same cluster, the same id.
    expect(nilId('Solvi Haugland', 'person', 'sølvi-haugland')).toBe(nilId('Sølvi Haugland', 'person', 'sølvi-haugland'))
  })
  it('derives short forms for people only', () => {
    expect(shortForms('Joseph R. Biden Jr.', 'person')).toEqual(['biden'])
    expect(shortForms('Vincent van Gogh', 'person')).toEqual(['van gogh'])
    expect(shortForms('Madonna', 'person')).toEqual([])
    expect(shortForms('Port Ellery', 'place')).toEqual([])
  })
  it('types entities by class', () => {
    expect(typeFromClasses(['Q5'])).toBe('person')
    expect(typeFromClasses(['Q1193236'])).toBe('organization')
    expect(typeFromClasses(['Q6256', 'Q43229'])).toBe('place')
    expect(typeFromClasses(['Q41825'])).toBe('other')
  })
})

describe('starter KB', () => {
  const kb = loadStarterKb()
  it('has a stable snapshot name and a few thousand entries', () => {
    expect(kb.snapshot).toMatch(/^starter-[0-9a-f]{8}$/)
    expect(loadStarterKb()).toBe(kb)
    expect(kb.size).toBeGreaterThan(1000)
  })
  it('holds the seed entities with their QIDs', () => {
    const top = (name: string) => kb.lookup(name)[0]?.entity.id
    expect(top('Kamala Harris')).toBe('Q10853588')
    expect(top('VP Harris')).toBe('Q10853588')
    expect(top('Joe Biden')).toBe('Q6279')
    expect(top('Donald Trump')).toBe('Q22686')
    expect(top('Kim Kardashian')).toBe('Q186304')
    expect(top('Taylor Swift')).toBe('Q26876')
    expect(top('White House')).toBe('Q35525')
    expect(top('Washington DC')).toBe('Q61')
    expect(top('U.S.')).toBe('Q30')
    expect(top('REUTERS')).toBe('Q130879')
    expect(top('YouTube')).toBe('Q866')
    expect(top('Instagram')).toBe('Q209330')
    expect(kb.get('Q61')?.wikipedia).toBe('Washington, D.C.')
  })
  it('finds a misspelled name', () => {
    expect(kb.fuzzy('Kim Kardashain')[0]?.entity.id).toBe('Q186304')
  })
})
