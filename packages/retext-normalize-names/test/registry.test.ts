import type {MentionType, NameMention} from '@copydesk/document'
import {describe, expect, it} from 'vitest'
import {NameRegistry} from '../src/index.js'

function mention(id: string, name: string, type: MentionType = 'person', role?: string): NameMention {
  const result: NameMention = {id, start: 0, end: name.length, text: name, type, name}
  if (role) result.role = role
  return result
}

describe('NameRegistry', () => {
  it('merges spelling variants, middle names and nicknames that share context', () => {
    const registry = new NameRegistry()
    registry.add('a', [
      mention('m1', 'Beverly Holsey'),
      mention('m2', 'Jason Hernandez'),
      mention('m3', 'Bobby Lowery'),
      mention('m4', 'Steve'),
      mention('m5', 'White House', 'place')
    ])
    registry.add('b', [
      mention('m1', 'Beverly Holcy'),
      mention('m2', 'Jason Hernandez'),
      mention('m3', 'Bobby Darrell Lowery'),
      mention('m4', 'Stephen Benjamin'),
      mention('m5', 'Beverly Holcy')
    ])
    const result = registry.resolve()
    const a = result.get('a')
    expect(a?.mentions.map((m) => [m.text, m.name, m.cluster])).toEqual([
      ['Beverly Holsey', 'Beverly Holcy', 'beverly-holcy'],
      ['Jason Hernandez', 'Jason Hernandez', 'jason-hernandez'],
      ['Bobby Lowery', 'Bobby Darrell Lowery', 'bobby-darrell-lowery'],
      ['Steve', 'Stephen Benjamin', 'stephen-benjamin'],
      ['White House', 'White House', 'white-house']
    ])
    expect(a?.messages.map((m) => [m.ruleId, m.mention, m.actual, m.expected, m.evidence])).toEqual([
      [
        'name-variant',
        'm1',
        'Beverly Holsey',
        'Beverly Holcy',
        ['same phonetic key HLS (holsey/holcy)', 'edit distance 2', 'co-mentioned: jason hernandez']
      ],
      [
        'name-variant',
        'm3',
        'Bobby Lowery',
        'Bobby Darrell Lowery',
        ['middle name (bobby darrell lowery / bobby lowery)', 'co-mentioned: jason hernandez']
      ],
      ['name-variant', 'm4', 'Steve', 'Stephen Benjamin', ['nickname (steve/stephen)', 'co-mentioned: jason hernandez']]
    ])
    expect(result.get('b')?.messages).toEqual([])
  })

  it('resolves a lone surname to the full name seen with the same people elsewhere', () => {
    const registry = new NameRegistry()
    registry.add('a', [mention('m1', 'Nora Adeyemi', 'person', 'President'), mention('m2', 'Kamal Tiwari')])
    registry.add('b', [mention('m1', 'Adeyemi', 'person', 'President'), mention('m2', 'Kamal Tiwari')])
    registry.add('c', [mention('m1', 'Adeyemi'), mention('m2', 'Lena Fischer')])
    const result = registry.resolve()
    expect(result.get('b')?.mentions[0]?.name).toBe('Nora Adeyemi')
    expect(result.get('b')?.messages[0]?.evidence).toEqual([
      'surname of `nora adeyemi`',
      'co-mentioned: kamal tiwari',
      'role: president'
    ])
    // No shared context: a lone surname in another story stays as it is.
    expect(result.get('c')?.mentions[0]?.name).toBe('Adeyemi')
    expect(result.get('c')?.mentions[0]?.cluster).toBe('adeyemi')
  })

  it('leaves a lone name alone when it was ambiguous in its own document', () => {
    const registry = new NameRegistry()
    // `Sen. Johnson` in a story with Ray and Lisa Johnson: the role points to Lisa, but the
    // article itself did not say which Johnson, so the registry does not guess either.
    registry.add('a', [
      mention('m1', 'Ray Johnson'),
      mention('m2', 'Lisa Johnson'),
      mention('m3', 'Johnson', 'person', 'Senator'),
      mention('m4', 'Kano')
    ])
    registry.add('b', [mention('m1', 'Lisa Johnson', 'person', 'Senator'), mention('m2', 'Kano')])
    const result = registry.resolve()
    expect(result.get('a')?.mentions[2]?.name).toBe('Johnson')
    expect(result.get('a')?.messages).toEqual([])
  })

  it('never merges on the name alone when contexts disagree', () => {
    const registry = new NameRegistry()
    registry.add('a', [mention('m1', 'Beverly Holsey'), mention('m2', 'Jason Hernandez'), mention('m3', 'Ada Lin')])
    registry.add('b', [mention('m1', 'Beverly Holcy'), mention('m2', 'Mark Osei'), mention('m3', 'Ivo Kral')])
    // Same spelling but a middle name, with disagreeing contexts and roles.
    registry.add('c', [mention('m1', 'Tom Reed', 'person', 'Senator'), mention('m2', 'Ada Lin'), mention('m3', 'Jo Park')])
    registry.add('d', [mention('m1', 'Tom J. Reed', 'person', 'Coach'), mention('m2', 'Sam Ito'), mention('m3', 'Eve Moss')])
    const result = registry.resolve()
    expect(result.get('a')?.mentions[0]?.name).toBe('Beverly Holsey')
    expect(result.get('b')?.mentions[0]?.name).toBe('Beverly Holcy')
    expect(result.get('c')?.mentions[0]?.name).toBe('Tom Reed')
    expect(result.get('d')?.mentions[0]?.name).toBe('Tom J. Reed')
    expect([...result.values()].flatMap((d) => d.messages)).toEqual([])
  })

  it('merges variants of one story on the story key', () => {
    const registry = new NameRegistry()
    registry.add('a', [mention('m1', 'Katarzyna Nowakowska')], {story: 'flood-2026'})
    registry.add('b', [mention('m1', 'Katarzyna Nowakowski')], {story: 'flood-2026'})
    registry.add('c', [mention('m1', 'Katarzyna Nowakowski')], {story: 'flood-2026'})
    const result = registry.resolve()
    expect(result.get('a')?.mentions[0]?.name).toBe('Katarzyna Nowakowski')
    expect(result.get('a')?.messages[0]?.evidence).toEqual([
      'same phonetic key NKSK (nowakowska/nowakowski)',
      'edit distance 1',
      'same story: flood-2026'
    ])
  })

  it('prefers a linked KB label as the canonical spelling', () => {
    const registry = new NameRegistry()
    registry.add('a', [mention('m1', 'Jo Biden', 'person', 'President')], {labels: {m1: 'Joe Biden'}})
    const result = registry.resolve()
    expect(result.get('a')?.mentions[0]?.name).toBe('Joe Biden')
  })

  it('rejects bad options', () => {
    expect(() => new NameRegistry({window: 0})).toThrow(/`window`/)
    expect(() => new NameRegistry({maxContext: -1})).toThrow(/`maxContext`/)
  })

  // Speed is measured in the bench; the timeout only guards against quadratic work.
  it('stays about linear on 100,000 generated documents', {timeout: 30_000}, () => {
    const given = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Max', 'Nia', 'Oto', 'Pia']
    const registry = new NameRegistry()
    const documents = 100_000
    for (let d = 0; d < documents; d++) {
      // Surnames from a pool of 5,000 made-up names; every document mentions three people and a place.
      const s1 = 'Zor' + ((d * 7) % 5000).toString(36)
      const s2 = 'Vel' + ((d * 13) % 5000).toString(36)
      const s3 = 'Kam' + ((d * 17) % 5000).toString(36)
      registry.add('d' + d, [
        mention('m1', `${given[d % 16] ?? 'Ada'} ${s1}`),
        mention('m2', `${given[(d + 3) % 16] ?? 'Ben'} ${s2}`),
        mention('m3', s3),
        mention('m4', 'Lagos', 'place')
      ])
    }

    // `Lagos` is in every document: sharing it is no evidence, so `Fay Zorz` and `Fay Zor10z` stay apart.
    // A spelling variant hidden in the crowd, with a shared co-mention.
    registry.add('x1', [mention('m1', 'Beverly Holsey'), mention('m2', 'Jason Hernandez')])
    registry.add('x2', [mention('m1', 'Beverly Holcy'), mention('m2', 'Jason Hernandez')])
    registry.add('x3', [mention('m1', 'Beverly Holcy')])
    const result = registry.resolve()
    expect(result.size).toBe(documents + 3)
    expect(result.get('x1')?.mentions[0]?.name).toBe('Beverly Holcy')
    expect(result.get('d5')?.mentions.map((m) => m.name)).toEqual(['Fay Zorz', 'Ivo Vel1t', 'Kam2d', 'Lagos'])
  })
})
