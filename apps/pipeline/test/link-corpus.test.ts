import type {EntityRef, LinksData} from '@copydesk/document'
import {describe, expect, it} from 'vitest'
import type {LayerRecord} from '../src/lib/layers.js'
import {linkStage} from '../src/stages/link.js'
import type {SidePass} from '../src/stages/types.js'

const harris: EntityRef = {id: 'Q10853588', label: 'Kamala Harris', wikipedia: 'Kamala Harris', confidence: 0.97}

function nilMessage(id: string) {
  return {ruleId: 'nil-entity', source: 'retext-link-entities', reason: `\`Harris\` is not in the knowledge base: NIL id \`${id}\``, severity: 'info' as const}
}

describe('the link stage corpus pass', () => {
  it('gives a NIL cluster the one QID other articles linked it to, reading only side facts', async () => {
    const pass = (await linkStage.corpus!({options: {}})) as SidePass<LinksData>
    const {nilId} = await import('@copydesk/kb')
    const key = nilId('kamala-harris', 'other', 'kamala-harris')
    // Article one links the cluster; article two left its lone surname NIL, with that cluster's id.
    pass.side.add({clusters: {'kamala-harris': harris}})
    const other: LayerRecord<LinksData> = {
      id: 'two',
      data: {entities: {m1: {id: key, label: 'Harris', confidence: 1}, m2: null}, kb: 'starter-test'},
      messages: [nilMessage(key), {ruleId: 'ambiguous-entity', source: 'retext-link-entities', reason: 'x', severity: 'warning'}],
      corpus: {nils: [key]}
    }
    pass.side.add(other.corpus)
    expect(pass.side.changes(other.corpus)).toBe(true)
    expect(pass.side.changes({nils: ['nil:someone-else-123456']})).toBe(false)
    expect(pass.side.changes(undefined)).toBe(false)
    const applied = pass.apply(other)
    expect(applied).toEqual({
      id: 'two',
      data: {entities: {m1: harris, m2: null}, kb: 'starter-test'},
      messages: [other.messages[1]]
    })
    expect('corpus' in applied).toBe(false)
  })

  it('leaves a cluster linked to two QIDs as it is (precision first)', async () => {
    const pass = (await linkStage.corpus!({options: {}})) as SidePass<LinksData>
    const {nilId} = await import('@copydesk/kb')
    const key = nilId('harris', 'other', 'harris')
    pass.side.add({clusters: {harris}})
    pass.side.add({clusters: {harris: {id: 'Q5', label: 'Someone Harris', confidence: 0.9}}})
    expect(pass.side.changes({nils: [key]})).toBe(false)
  })
})
