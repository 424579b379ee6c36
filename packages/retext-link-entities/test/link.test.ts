import type {NameMention} from '@copydesk/document'
import {MemoryKnowledgeBase, loadStarterKb, nilId, type KbEntity} from '@copydesk/kb'
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import retextLinkEntities from '../src/index.js'

// A small KB of invented entities with the difficulties of real news:
// one surname shared by several people, two places with one name, a
// capital named like a state, a government building typed as a place.
const entities: Array<KbEntity> = [
  {id: 'Q9001', label: 'Dana Whitcombe', aliases: ['Secretary Whitcombe'], description: 'United States secretary of transportation', type: 'person', classes: ['Q5'], wikipedia: 'Dana Whitcombe', popularity: 60},
  {id: 'Q9002', label: 'Rory Whitcombe', aliases: ['Whitcombe'], description: 'Irish rugby union player', type: 'person', classes: ['Q5'], wikipedia: 'Rory Whitcombe', popularity: 20},
  {id: 'Q9003', label: 'Carrow', aliases: [], description: 'city in Oregon, United States', type: 'place', classes: ['Q515'], wikipedia: 'Carrow, Oregon', popularity: 30},
  {id: 'Q9004', label: 'Carrow', aliases: [], description: 'town in Kent, England', type: 'place', classes: ['Q3957'], wikipedia: 'Carrow, Kent', popularity: 28},
  {id: 'Q9005', label: 'Oregon', aliases: ['Ore.'], description: 'state of the United States of America', type: 'place', classes: ['Q35657'], wikipedia: 'Oregon', popularity: 200},
  {id: 'Q9006', label: 'Halden Hall', aliases: [], description: 'seat of the Oregon state government', type: 'place', classes: ['Q41176'], wikipedia: 'Halden Hall', popularity: 15},
  {id: 'Q9008', label: 'Brindle Falls', aliases: [], description: 'city in Oregon, United States', type: 'place', classes: ['Q515'], wikipedia: 'Brindle Falls', popularity: 12},
  {id: 'Q9007', label: 'Pellworth Motors', aliases: ['Pellworth'], description: 'American automaker', type: 'organization', classes: ['Q4830453'], wikipedia: 'Pellworth Motors', popularity: 50}
]

function mentions(text: string, list: Array<[string, NameMention['type'], string, (string | undefined)?, string?]>): Array<NameMention> {
  let from = 0
  return list.map(([surface, type, name, role, cluster], i) => {
    const start = text.indexOf(surface, from)
    if (start === -1) throw new Error(`no ${surface} in fixture`)
    from = start + surface.length
    const mention: NameMention = {id: `m${i + 1}`, start, end: from, text: surface, type, name}
    if (role) mention.role = role
    if (cluster) mention.cluster = cluster
    return mention
  })
}

async function link(text: string, list: Parameters<typeof mentions>[1], options: Partial<Parameters<typeof retextLinkEntities>[0]> = {}) {
  const file = new VFile({value: text})
  file.data.names = {mentions: mentions(text, list)}
  const processor = retext().use(retextLinkEntities, {kb: new MemoryKnowledgeBase('fixture-kb', entities), ...options})
  await processor.run(processor.parse(file), file)
  return file
}

const ids = (file: VFile) => Object.fromEntries(Object.entries(file.data.links!.entities).map(([k, v]) => [k, v?.id ?? null]))

describe('retextLinkEntities', () => {
  it('links full names, uses the full name for surnames, and names the KB snapshot', async () => {
    const text = 'Transportation Secretary Dana Whitcombe toured Pellworth Motors in Carrow, Ore., on Monday. Whitcombe said the plant would reopen.'
    const file = await link(text, [
      ['Dana Whitcombe', 'person', 'Dana Whitcombe', 'Transportation Secretary'],
      ['Pellworth Motors', 'organization', 'Pellworth Motors'],
      ['Carrow', 'place', 'Carrow'],
      ['Ore.', 'place', 'Oregon'],
      ['Whitcombe', 'person', 'Dana Whitcombe']
    ])
    expect(file.data.links!.kb).toBe('fixture-kb')
    expect(ids(file)).toEqual({m1: 'Q9001', m2: 'Q9007', m3: 'Q9003', m4: 'Q9005', m5: 'Q9001'})
    expect(file.data.links!.entities['m1']).toEqual({id: 'Q9001', label: 'Dana Whitcombe', wikipedia: 'Dana Whitcombe', confidence: 1})
    expect(file.data.links!.entities['m3']!.confidence).toBeGreaterThanOrEqual(0.5)
  })

  it('leaves a lone ambiguous surname NIL and says which entities compete', async () => {
    const text = 'Carrow officials met on Tuesday. "We will rebuild," Whitcombe said.'
    const file = await link(text, [
      ['Carrow', 'place', 'Carrow'],
      ['Whitcombe', 'person', 'Whitcombe']
    ])
    expect(ids(file)).toEqual({m1: nilId('Carrow', 'place'), m2: nilId('Whitcombe', 'person')})
    expect(file.messages.map((m) => [m.ruleId, m.place && 'start' in m.place ? m.place.start.offset : null])).toEqual([
      ['ambiguous-entity', 0],
      ['nil-entity', 0],
      ['ambiguous-entity', 52],
      ['nil-entity', 52]
    ])
    expect(file.messages[0]!.expected).toEqual(['Q9003', 'Q9004'])
    expect(file.messages[0]!.reason).toBe(
      '`Carrow` is ambiguous: Carrow (Q9003, city in Oregon, United States) or Carrow (Q9004, town in Kent, England)'
    )
  })

  it('prefers the candidate from the same part of the world as the other places', async () => {
    const text = 'The councils of Brindle Falls and Carrow will share a fire station.'
    const file = await link(text, [
      ['Brindle Falls', 'place', 'Brindle Falls'],
      ['Carrow', 'place', 'Carrow']
    ])
    expect(ids(file)).toEqual({m1: 'Q9008', m2: 'Q9003'})
  })

  it('uses roles to choose between people with one surname', async () => {
    const text = 'Secretary Whitcombe announced new rail funding on Friday.'
    const file = await link(text, [['Whitcombe', 'person', 'Whitcombe', 'Secretary of Transportation']])
    expect(ids(file)).toEqual({m1: 'Q9001'})
  })

  it('does not link across incompatible types, and links a weak type only with support', async () => {
    const text = 'Pellworth said Halden Hall had approved the plan. Staff at Halden Hall agreed.'
    const file = await link(text, [
      ['Pellworth', 'person', 'Pellworth'],
      ['Halden Hall', 'organization', 'Halden Hall'],
      ['Halden Hall', 'place', 'Halden Hall']
    ])
    expect(ids(file)).toEqual({m1: nilId('Pellworth', 'person'), m2: 'Q9006', m3: 'Q9006'})
    const alone = await link('Halden Hall approved the plan.', [['Halden Hall', 'organization', 'Halden Hall']])
    expect(ids(alone)).toEqual({m1: nilId('Halden Hall', 'organization')})
  })

  it('finds a misspelled name within the bound', async () => {
    const file = await link('Pellworth Motorz shares rose.', [['Pellworth Motorz', 'organization', 'Pellworth Motorz']])
    expect(ids(file)).toEqual({m1: 'Q9007'})
  })

  it('gives one NIL id per name-stage cluster, stable across documents and runs', async () => {
    const a = await link('Mara Quist, a nurse, spoke first.', [['Mara Quist', 'person', 'Mara Quist', undefined, 'mara-quist']])
    const b = await link('Nurse Mara Quisst spoke again.', [['Mara Quisst', 'person', 'Mara Quisst', undefined, 'mara-quist']])
    expect(a.data.links!.entities['m1']).toEqual({id: 'nil:mara-quist-' + nilId('x', 'person', 'mara-quist').slice(-6), label: 'Mara Quist', confidence: 1})
    expect(b.data.links!.entities['m1']!.id).toBe(a.data.links!.entities['m1']!.id)
    expect(nilId('Mara Quist', 'person', 'mara-quist')).toMatch(/^nil:mara-quist-[0-9a-f]{6}$/)
  })

  it('shares decisions across the documents of a run through the registry', async () => {
    const registry = new Map()
    await link('Dana Whitcombe spoke.', [['Dana Whitcombe', 'person', 'Dana Whitcombe', undefined, 'dana-whitcombe']], {registry})
    const later = await link('Whitcombe spoke again.', [['Whitcombe', 'person', 'Whitcombe', undefined, 'dana-whitcombe']], {registry})
    expect(ids(later)).toEqual({m1: 'Q9001'})
    const fresh = await link('Whitcombe spoke again.', [['Whitcombe', 'person', 'Whitcombe', undefined, 'dana-whitcombe']])
    expect(ids(fresh)).toEqual({m1: nilId('Whitcombe', 'person', 'dana-whitcombe')})
    // Without a registry, each document on its own, whatever came before.
    const processor = retext().use(retextLinkEntities, {kb: new MemoryKnowledgeBase('fixture-kb', entities), registry: false})
    for (const text of ['Dana Whitcombe spoke.', 'Whitcombe spoke again.']) {
      const file = new VFile({value: text})
      file.data.names = {mentions: mentions(text, [[text.split(' spoke')[0]!, 'person', text.split(' spoke')[0]!, undefined, 'dana-whitcombe']])}
      await processor.run(processor.parse(file), file)
      expect(ids(file)).toEqual({m1: text.startsWith('Dana') ? 'Q9001' : nilId('Whitcombe', 'person', 'dana-whitcombe')})
    }
    // @ts-expect-error: not a Map.
    expect(() => retext().use(retextLinkEntities, {kb: loadStarterKb(), registry: {}}).freeze()).toThrow('`registry`')
  })

  it('says when there are no names, and checks its options', async () => {
    const file = new VFile({value: 'Nothing here.'})
    const processor = retext().use(retextLinkEntities, {kb: loadStarterKb()})
    await processor.run(processor.parse(file), file)
    expect(file.data.links).toEqual({entities: {}, kb: loadStarterKb().snapshot})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['missing-names'])
    // @ts-expect-error: `kb` is required.
    expect(() => retext().use(retextLinkEntities, {}).freeze()).toThrow('Missing `kb` option')
    expect(() => retext().use(retextLinkEntities, {kb: loadStarterKb(), threshold: 2}).freeze()).toThrow('`threshold`')
  })

  it('links the seed entities with the starter KB', async () => {
    const text = 'Vice President Kamala Harris welcomed Kim Kardashian to the White House in Washington, D.C. Harris thanked her.'
    const file = new VFile({value: text})
    file.data.names = {
      mentions: mentions(text, [
        ['Kamala Harris', 'person', 'Kamala Harris', 'Vice President'],
        ['Kim Kardashian', 'person', 'Kim Kardashian'],
        ['White House', 'place', 'White House'],
        ['Washington, D.C.', 'place', 'Washington, D.C.'],
        ['Harris', 'person', 'Kamala Harris']
      ])
    }
    const processor = retext().use(retextLinkEntities, {kb: loadStarterKb()})
    await processor.run(processor.parse(file), file)
    expect(ids(file)).toEqual({m1: 'Q10853588', m2: 'Q186304', m3: 'Q35525', m4: 'Q61', m5: 'Q10853588'})
    expect(file.data.links!.entities['m4']!.wikipedia).toBe('Washington, D.C.')
  })
})

describe('legal forms', () => {
  it('looks a company up without its legal form', async () => {
    const file = await link('Pellworth Motors Corp. said on Monday it would cut jobs.', [['Pellworth Motors Corp.', 'organization', 'Pellworth Motors Corp.']])
    expect(ids(file)).toEqual({m1: 'Q9007'})
    const person = await link('Dana Whitcombe Inc. is not a person.', [['Dana Whitcombe Inc.', 'person', 'Dana Whitcombe Inc.']])
    expect(ids(person)).toEqual({m1: nilId('Dana Whitcombe Inc.', 'person')})
  })
})

describe('nationality adjectives', () => {
  it('links a nationality adjective to its country through the KB', async () => {
    const text = 'The Canadian airline and a Georgian wine maker signed; Swiss banks and Palestinian groups did not.'
    const file = new VFile({value: text})
    file.data.names = {
      mentions: mentions(text, [
        ['Canadian', 'other', 'Canadian'],
        ['Georgian', 'other', 'Georgian'],
        ['Swiss', 'other', 'Swiss'],
        ['Palestinian', 'other', 'Palestinian']
      ])
    }
    const processor = retext().use(retextLinkEntities, {kb: loadStarterKb(), nil: false})
    await processor.run(processor.parse(file), file)
    // Georgia the country, not the US state; Palestine has no country entry (Q6256) in the starter KB.
    expect(ids(file)).toEqual({m1: 'Q16', m2: 'Q230', m3: 'Q39', m4: null})
  })
})

// Invented places with the difficulties of real news: a state and a larger
// city of one name (the city found by an alias), a capital named like a
// state, a court known by a lower-case description.
const places: Array<KbEntity> = [
  {id: 'Q9101', label: 'Dunmore', aliases: ['Dunmore State'], description: 'state of the United States of America', type: 'place', classes: ['Q35657'], wikipedia: 'Dunmore', popularity: 200},
  {id: 'Q9102', label: 'Dunmore City', aliases: ['Dunmore'], description: 'city in Dunmore, United States', type: 'place', classes: [], wikipedia: 'Dunmore City', popularity: 180},
  {id: 'Q9103', label: 'Pellham', aliases: [], description: 'city in Oregon, United States', type: 'place', classes: ['Q515'], wikipedia: 'Pellham', popularity: 90},
  {id: 'Q9104', label: 'Brindle Falls', aliases: [], description: 'city in Oregon, United States', type: 'place', classes: ['Q515'], wikipedia: 'Brindle Falls', popularity: 60},
  {id: 'Q9105', label: 'Tarrant', aliases: ['Tarrant State'], description: 'state of the United States of America', type: 'place', classes: ['Q35657'], wikipedia: 'Tarrant (state)', popularity: 200},
  {id: 'Q9106', label: 'Tarrant, D.T.', aliases: ['Tarrant'], description: 'capital city of the United States', type: 'place', classes: ['Q5119'], wikipedia: 'Tarrant, D.T.', popularity: 250},
  {id: 'Q9107', label: 'Supreme Court of Tarrant', aliases: ['the high court'], description: 'highest court of Tarrant', type: 'organization', classes: ['Q43229'], wikipedia: 'Supreme Court of Tarrant', popularity: 140},
  {id: 'Q9109', label: 'Marlby', aliases: [], description: 'city in Dunmore, United States', type: 'place', classes: ['Q515'], wikipedia: 'Marlby, Dunmore', popularity: 120},
  {id: 'Q9108', label: 'Pellworth Motors', aliases: ['Pellworth'], description: 'American automaker', type: 'organization', classes: ['Q4830453'], wikipedia: 'Pellworth Motors', popularity: 50}
]

async function linkPlaces(text: string, list: Parameters<typeof mentions>[1]) {
  const file = new VFile({value: text})
  file.data.names = {mentions: mentions(text, list)}
  const processor = retext().use(retextLinkEntities, {kb: new MemoryKnowledgeBase('places-kb', places), nil: false})
  await processor.run(processor.parse(file), file)
  return file
}

describe('places in context', () => {
  it('takes the place after `Town, ` for the region that holds the town', async () => {
    const text = 'The plant in Wexcombe, Tarrant will close in May.'
    const file = await linkPlaces(text, [
      ['Wexcombe', 'place', 'Wexcombe'],
      ['Tarrant', 'place', 'Tarrant']
    ])
    expect(ids(file)).toEqual({m1: null, m2: 'Q9105'})
    // Alone, the capital is the more likely, though not by far.
    const alone = await linkPlaces('Officials in Tarrant said the plant would close.', [['Tarrant', 'place', 'Tarrant']])
    expect(ids(alone)).toEqual({m1: 'Q9106'})
  })

  it('takes the region that a known town names in its description', async () => {
    const text = 'Crews reached Pellham, Oregon and then Dunmore City, Dunmore.'
    const file = await linkPlaces(text, [
      ['Pellham', 'place', 'Pellham'],
      ['Oregon', 'place', 'Oregon'],
      ['Dunmore City', 'place', 'Dunmore City'],
      ['Dunmore', 'place', 'Dunmore']
    ])
    expect(ids(file)).toEqual({m1: 'Q9103', m2: null, m3: 'Q9102', m4: 'Q9101'})
  })

  it('reads places listed together as places of one kind', async () => {
    const text = 'The jet will fly from Pellham to Brindle Falls via Dunmore next week.'
    const file = await linkPlaces(text, [
      ['Pellham', 'place', 'Pellham'],
      ['Brindle Falls', 'place', 'Brindle Falls'],
      ['Dunmore', 'place', 'Dunmore']
    ])
    expect(ids(file)).toEqual({m1: 'Q9103', m2: 'Q9104', m3: 'Q9102'})
    // With nothing around it, state and city are too close to call.
    const alone = await linkPlaces('A press conference in Dunmore drew few reporters.', [['Dunmore', 'place', 'Dunmore']])
    expect(ids(alone)).toEqual({m1: null})
    expect(alone.messages.map((m) => m.ruleId)).toEqual(['ambiguous-entity', 'nil-entity'])
  })

  it('reads a dateline as a town, and states named around a place as no clue to its kind', async () => {
    const text = 'TARRANT — Lawmakers voted on Tuesday. Delegates from Dunmore State said Tarrant had waited long enough.'
    const file = await linkPlaces(text, [
      ['TARRANT', 'place', 'Tarrant'],
      ['Dunmore State', 'place', 'Dunmore State'],
      ['Tarrant', 'place', 'Tarrant']
    ])
    expect(ids(file)).toEqual({m1: 'Q9106', m2: 'Q9101', m3: 'Q9106'})
    expect(file.data.links!.entities['m1']!.confidence).toBe(1)
    const states = await linkPlaces('Delegates from Dunmore State said Tarrant had waited long enough.', [
      ['Dunmore State', 'place', 'Dunmore State'],
      ['Tarrant', 'place', 'Tarrant']
    ])
    expect(ids(states)).toEqual({m1: 'Q9101', m2: 'Q9106'})
    expect(states.data.links!.entities['m2']!.confidence).toBeLessThan(0.6)
  })

  it('does not take a town of another region than the towns of the article, when nothing names its region', async () => {
    const text = 'The governor toured Pellham and Brindle Falls, then flew to Marlby.'
    const file = await linkPlaces(text, [
      ['Pellham', 'place', 'Pellham'],
      ['Brindle Falls', 'place', 'Brindle Falls'],
      ['Marlby', 'place', 'Marlby']
    ])
    expect(ids(file)).toEqual({m1: 'Q9103', m2: 'Q9104', m3: null})
    const named = await linkPlaces('The governor toured Pellham, then flew to Marlby in Dunmore State.', [
      ['Pellham', 'place', 'Pellham'],
      ['Marlby', 'place', 'Marlby'],
      ['Dunmore State', 'place', 'Dunmore State']
    ])
    // Now Pellham, of Oregon, is the town no article region names.
    expect(ids(named)).toEqual({m1: null, m2: 'Q9109', m3: 'Q9101'})
    const alone = await linkPlaces('The governor flew to Marlby on Monday.', [['Marlby', 'place', 'Marlby']])
    expect(ids(alone)).toEqual({m1: 'Q9109'})
    // Towns and regions of several regions: no article on one region.
    const several = await linkPlaces('Delegates from Pellham and Tarrant State met in Marlby.', [
      ['Pellham', 'place', 'Pellham'],
      ['Tarrant State', 'place', 'Tarrant State'],
      ['Marlby', 'place', 'Marlby']
    ])
    expect(ids(several)).toEqual({m1: 'Q9103', m2: 'Q9105', m3: 'Q9109'})
  })

  it('does not take a lower-case description for a capitalized name', async () => {
    const file = await linkPlaces('The High Court ruled against the label on Monday.', [['High Court', 'organization', 'High Court']])
    expect(ids(file)).toEqual({m1: null})
    const named = await linkPlaces('The Supreme Court of Tarrant heard the case. The High Court ruled on Monday.', [
      ['Supreme Court of Tarrant', 'organization', 'Supreme Court of Tarrant'],
      ['High Court', 'organization', 'High Court']
    ])
    expect(ids(named)).toEqual({m1: 'Q9107', m2: 'Q9107'})
  })

  it('does not link a company name that starts a product name', async () => {
    const text = 'Pellworth 610s and a Pellworth X-20 were on show. Pellworth posted its 2008 results; Pellworth 2009 sales fell.'
    const file = await linkPlaces(text, [
      ['Pellworth', 'organization', 'Pellworth'],
      ['Pellworth', 'organization', 'Pellworth'],
      ['Pellworth', 'organization', 'Pellworth'],
      ['Pellworth', 'organization', 'Pellworth']
    ])
    expect(ids(file)).toEqual({m1: null, m2: null, m3: 'Q9108', m4: 'Q9108'})
  })
})
