import type {EntitySummary, MentionType} from '@copydesk/document'
import {isQid, wikidataEntity} from './util.js'

/** Default prefix of document IRIs (followed by the URI-encoded document id). */
export const defaultDocumentBase = 'urn:copydesk:doc:'
/** Prefix of IRIs of entities that are not Wikidata items (NIL and unlinked names). */
export const entityBase = 'urn:copydesk:entity:'

/** IRI of a document. */
export function documentIri(id: string, base: string = defaultDocumentBase): string {
  return base + encodeURIComponent(id)
}

/** IRI of an entity: the Wikidata entity IRI for a QID, else a `urn:copydesk:entity:` IRI. */
export function entityIri(id: string): string {
  return isQid(id) ? wikidataEntity(id) : entityBase + encodeURIComponent(id)
}

/** schema.org class of a mention type. */
export function schemaType(type: MentionType): 'Person' | 'Organization' | 'Place' | 'Thing' {
  return type === 'person'
    ? 'Person'
    : type === 'organization'
      ? 'Organization'
      : type === 'place'
        ? 'Place'
        : 'Thing'
}

/** Entities sorted by salience (highest first, then by id for stability). */
export function bySalience(entities: ReadonlyArray<EntitySummary>): Array<EntitySummary> {
  return [...entities].sort((a, b) => b.salience - a.salience || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
