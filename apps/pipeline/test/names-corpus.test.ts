import type {NameMention, NamesData} from '@copydesk/document'
import {describe, expect, it} from 'vitest'
import type {LayerRecord} from '../src/lib/layers.js'
import {namesStage} from '../src/stages/names.js'
import type {HeldPass} from '../src/stages/types.js'

function person(id: string, name: string, start: number): NameMention {
  return {id, start, end: start + name.length, text: name, type: 'person', name} as NameMention
}

describe('the name stage corpus pass', () => {
  it('holds the records it is given and gives them back in order, names reconciled across documents', async () => {
    const pass = (await namesStage.corpus!({options: {}})) as HeldPass<NamesData>
    const records: Array<LayerRecord<NamesData>> = [
      {id: 'a', data: {mentions: [person('m1', 'Beverly Holsey', 0), person('m2', 'Jason Hernandez', 30)]}, messages: []},
      {id: 'failed', data: null as unknown as NamesData, messages: [{ruleId: 'stage-failed', source: 'copydesk-pipeline', reason: 'x', severity: 'error'}]},
      {id: 'b', data: {mentions: [person('m1', 'Beverly Holsey', 0)]}, messages: []},
      // A misspelling, with the same colleague named: one person.
      {id: 'c', data: {mentions: [person('m1', 'Beverly Holcy', 10), person('m2', 'Jason Hernandez', 40)]}, messages: []}
    ]
    for (const record of records) pass.add(record)
    const final = [...pass.held()]
    expect(final.map((record) => record.id)).toEqual(['a', 'failed', 'b', 'c'])
    expect(final[1]).toEqual(records[1])
    expect(final[0].data.mentions[0]).toMatchObject({name: 'Beverly Holsey', cluster: 'beverly-holsey'})
    // The lone variant takes the corpus spelling, and says so.
    expect(final[3].data.mentions[0]).toMatchObject({text: 'Beverly Holcy', name: 'Beverly Holsey', cluster: 'beverly-holsey', start: 10})
    expect(final[3].messages.map((message) => message.ruleId)).toEqual(['name-variant'])
  })
})
