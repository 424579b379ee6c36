import fs from 'node:fs'
import path from 'node:path'
import jsonld from 'jsonld'
import {describe, expect, it} from 'vitest'
import {toNewsArticle, writeJsonLd} from '../src/index.js'
import {budget, corpus, visit} from './fixtures.js'
import {temporaryFolder} from './helpers.js'

const s = 'https://schema.org/'
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'

interface Triple {
  subject: string
  predicate: string
  object: string
}

async function triples(file: string): Promise<Array<Triple>> {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as jsonld.JsonLdDocument
  // Expands without fetching anything: the context is inline.
  const expanded = await jsonld.expand(document)
  expect(expanded.length).toBeGreaterThan(0)
  const nquads = (await jsonld.toRDF(document, {format: 'application/n-quads'})) as unknown as string
  return nquads
    .trim()
    .split('\n')
    .map((line) => {
      const match = /^(\S+) (\S+) (.+) \.$/.exec(line)!
      return {subject: match[1]!, predicate: match[2]!, object: match[3]!}
    })
}

describe('JSON-LD', () => {
  it('expands to schema.org NewsArticle triples with mentions, about and sameAs', async () => {
    const file = path.join(temporaryFolder(), 'documents.jsonld')
    await writeJsonLd(file, corpus)
    const all = await triples(file)
    const has = (subject: string, predicate: string, object: string) =>
      all.some((t) => t.subject === subject && t.predicate === predicate && t.object === object)
    const article = '<urn:copydesk:doc:wire-2024-04-26-clemency>'
    const harris = '<http://www.wikidata.org/entity/Q10853588>'
    expect(has(article, `<${rdfType}>`, `<${s}NewsArticle>`)).toBe(true)
    expect(has(article, `<${s}headline>`, '"Kardashian and Harris talk clemency at the White House"')).toBe(true)
    expect(has(article, `<${s}datePublished>`, '"2024-04-26"')).toBe(true)
    expect(has(article, `<${s}url>`, '<https://news.example.org/2024/04/26/clemency-talks?ref=rss&x=1>')).toBe(true)
    expect(has(article, `<${s}mentions>`, harris)).toBe(true)
    expect(has(article, `<${s}about>`, harris)).toBe(true)
    expect(has(harris, `<${rdfType}>`, `<${s}Person>`)).toBe(true)
    expect(has(harris, `<${s}name>`, '"Kamala Harris"')).toBe(true)
    expect(has(harris, `<${s}sameAs>`, '<https://www.wikidata.org/wiki/Q10853588>')).toBe(true)
    expect(has(harris, `<${s}sameAs>`, '<https://en.wikipedia.org/wiki/Kamala_Harris>')).toBe(true)
    expect(has(harris, `<${s}alternateName>`, '"Harris"')).toBe(true)
    expect(has('<http://www.wikidata.org/entity/Q35525>', `<${rdfType}>`, `<${s}Place>`)).toBe(true)

    // Author and publisher are nodes of their own.
    const author = all.find((t) => t.subject === article && t.predicate === `<${s}author>`)!
    expect(has(author.object, `<${rdfType}>`, `<${s}Person>`)).toBe(true)
    expect(has(author.object, `<${s}name>`, '"Dana Whitfield"')).toBe(true)
    const publisher = all.find((t) => t.subject === article && t.predicate === `<${s}publisher>`)!
    expect(has(publisher.object, `<${s}name>`, '"Example Wire"')).toBe(true)

    // Unlinked entities have a copydesk IRI and no sameAs; no url when there is none.
    const desk = '<urn:copydesk:doc:desk-0003>'
    const senate = '<urn:copydesk:entity:name%3ASenate>'
    expect(has(desk, `<${s}mentions>`, senate)).toBe(true)
    expect(has(senate, `<${rdfType}>`, `<${s}Organization>`)).toBe(true)
    expect(all.some((t) => t.subject === senate && t.predicate === `<${s}sameAs>`)).toBe(false)
    expect(all.some((t) => t.subject === desk && t.predicate === `<${s}url>`)).toBe(false)
    expect(all.filter((t) => t.predicate === `<${rdfType}>` && t.object === `<${s}NewsArticle>`).length).toBe(3)
  })

  it('ranks `about` by salience and leaves out non-http URLs', () => {
    const node = toNewsArticle({...visit, url: 'javascript:alert(1)'}, {about: 1})
    expect(node.about).toEqual([{'@id': 'http://www.wikidata.org/entity/Q10853588'}])
    expect(node.url).toBe(undefined)
    expect(toNewsArticle(budget, {aboutSalience: 1.1}).about).toBe(undefined)
  })
})
