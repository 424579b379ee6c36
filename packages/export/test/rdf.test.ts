import fs from 'node:fs'
import path from 'node:path'
import {Parser, type Quad} from 'n3'
import {describe, expect, it} from 'vitest'
import {codePointOffsets, toQuads, writeNTriples, writeTurtle} from '../src/index.js'
import {corpus, trip, visit} from './fixtures.js'
import {temporaryFolder} from './helpers.js'

const nif = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'
const itsrdf = 'http://www.w3.org/2005/11/its/rdf#'

function key(quad: Quad): string {
  const term = (t: Quad['object']) =>
    t.termType === 'Literal' ? JSON.stringify([t.value, t.datatype.value, t.language]) : `${t.termType}:${t.value}`
  return [term(quad.subject as Quad['object']), quad.predicate.value, term(quad.object)].join(' ')
}

function value(quads: Array<Quad>, subject: string, predicate: string): Array<string> {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value)
}

describe('RDF', () => {
  it('parses back Turtle and N-Triples to the same graph', async () => {
    const folder = temporaryFolder()
    await writeTurtle(path.join(folder, 'documents.ttl'), corpus)
    await writeNTriples(path.join(folder, 'documents.nt'), corpus)
    const turtle = fs.readFileSync(path.join(folder, 'documents.ttl'), 'utf8')
    const ntriples = fs.readFileSync(path.join(folder, 'documents.nt'), 'utf8')
    expect(turtle).toContain('@prefix nif: <' + nif + '>.')
    const fromTurtle = new Parser({format: 'Turtle'}).parse(turtle)
    const fromNTriples = new Parser({format: 'N-Triples'}).parse(ntriples)
    const expected = new Set(corpus.flatMap((record) => toQuads(record)).map((q) => key(q)))
    expect(new Set(fromTurtle.map((q) => key(q)))).toEqual(expected)
    expect(new Set(fromNTriples.map((q) => key(q)))).toEqual(expected)
    expect(expected.size).toBeGreaterThan(80)
  })

  it('annotates mentions with NIF 2.1 in Unicode code points', async () => {
    const file = path.join(temporaryFolder(), 'trip.nt')
    await writeNTriples(file, [trip])
    const quads = new Parser({format: 'N-Triples'}).parse(fs.readFileSync(file, 'utf8'))
    const base = 'urn:copydesk:doc:metro%2F2024-04-29%20atlanta'
    const points = [...trip.text]
    const context = `${base}#char=0,${points.length}`
    expect(points.length).toBe(trip.text.length - 3)
    expect(value(quads, context, nif + 'isString')).toEqual([trip.text])
    expect(value(quads, context, nif + 'endIndex')).toEqual([String(points.length)])
    expect(value(quads, context, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').sort()).toEqual([
      nif + 'Context',
      nif + 'OffsetBasedString'
    ])

    const phrases = quads.filter((q) => q.predicate.value === nif + 'anchorOf').map((q) => q.subject.value)
    expect(phrases).toEqual([`${base}#char=3,9`, `${base}#char=17,24`, `${base}#char=38,51`])
    for (const phrase of phrases) {
      const begin = Number(value(quads, phrase, nif + 'beginIndex')[0])
      const end = Number(value(quads, phrase, nif + 'endIndex')[0])
      // The code point slice is the anchor, as a NIF reader would cut it.
      expect(points.slice(begin, end).join('')).toBe(value(quads, phrase, nif + 'anchorOf')[0])
      expect(value(quads, phrase, nif + 'referenceContext')).toEqual([context])
    }

    expect(value(quads, `${base}#char=3,9`, itsrdf + 'taIdentRef')).toEqual(['http://www.wikidata.org/entity/Q10853588'])
    expect(value(quads, `${base}#char=38,51`, itsrdf + 'taIdentRef')).toEqual([
      'urn:copydesk:entity:nil%3Abeverly-holcy-3f2a1c'
    ])
    expect(value(quads, `${base}#char=17,24`, itsrdf + 'taClassRef')).toEqual(['https://schema.org/Place'])
    expect(value(quads, base, 'https://schema.org/url')).toEqual(['https://metro.example.com/atlanta'])
  })

  it('converts UTF-16 offsets to code points', () => {
    const toPoints = codePointOffsets('a😀b🇺🇸c')
    expect([0, 1, 3, 4, 8, 9].map((offset) => toPoints(offset))).toEqual([0, 1, 2, 3, 5, 6])
    expect(codePointOffsets(visit.text)(42)).toBe(42)
  })
})
