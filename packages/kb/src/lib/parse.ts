import {classTypes, typeFromClasses} from './classes.js'
import {entityKeys, matchRank} from './memory.js'
import type {EntityType, KbEntity} from './types.js'

type Json = Record<string, unknown>

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as Json)['value'] === 'string') {
    return (value as Json)['value'] as string
  }
  return undefined
}

function claimIds(claims: unknown, property: string): Array<string> {
  const list = claims && typeof claims === 'object' ? (claims as Json)[property] : undefined
  if (!Array.isArray(list)) return []
  const ids: Array<string> = []
  for (const claim of list) {
    if (typeof claim === 'string') {
      ids.push(claim) // wikibase-dump-filter / simplified format
      continue
    }
    const value = (claim as {mainsnak?: {datavalue?: {value?: {id?: unknown}}}})?.mainsnak?.datavalue?.value?.id
    if (typeof value === 'string') ids.push(value)
  }
  return ids
}

/**
 * Turn one Wikidata entity (dump format, or the simplified format of
 * wikibase-sdk / wikibase-dump-filter) into a KB entity, or `undefined` when it
 * has no label in the wanted languages or is not an item.
 */
export function entityFromWikidata(
  raw: Json,
  languages: ReadonlyArray<string> = ['en', 'mul'],
  table: Readonly<Record<string, EntityType>> = classTypes
): KbEntity | undefined {
  const id = raw['id']
  if (typeof id !== 'string' || !/^Q\d+$/.test(id)) return undefined
  const labels = (raw['labels'] ?? {}) as Json
  const aliasMap = (raw['aliases'] ?? {}) as Json
  const descriptions = (raw['descriptions'] ?? {}) as Json
  const sitelinks = (raw['sitelinks'] ?? {}) as Json
  let label: string | undefined
  let description = ''
  const aliases = new Set<string>()
  for (const language of languages) {
    const l = text(labels[language])
    if (l) {
      if (label === undefined) label = l
      else aliases.add(l)
    }
    if (!description) description = text(descriptions[language]) ?? ''
    const list = aliasMap[language]
    if (Array.isArray(list)) {
      for (const a of list) {
        const value = text(a)
        if (value) aliases.add(value)
      }
    }
  }
  if (!label) return undefined
  aliases.delete(label)
  const classes = claimIds(raw['claims'], 'P31')
  const entity: KbEntity = {
    id,
    label,
    aliases: [...aliases],
    description,
    type: typeFromClasses(classes, table),
    classes,
    popularity: Object.keys(sitelinks).length
  }
  const wikipedia = text(sitelinks['enwiki']) ?? (sitelinks['enwiki'] as {title?: string} | undefined)?.title
  if (wikipedia) entity.wikipedia = wikipedia
  return entity
}

/** What the importer needs to decide on one line. */
export interface LineFilter {
  classes: ReadonlyArray<string> | undefined
  enwikiOnly: boolean
  minSitelinks: number
  languages: ReadonlyArray<string>
  classTypes: Readonly<Record<string, EntityType>>
}

/**
 * One line of a dump: an entity to keep, `null` when the line is not an
 * entity or does not pass the filter, `false` when it cannot be parsed.
 */
export function parseEntityLine(rawLine: string, filter: LineFilter, needles?: ReadonlyArray<string>): KbEntity | null | false {
  let line = rawLine.trim()
  if (line.charCodeAt(0) !== 123 /* { */) return null
  // Cheap rejections before parsing (most of a filtered import's time):
  // an entity without the text it needs cannot pass the filter.
  if (filter.enwikiOnly && !line.includes('"enwiki"')) return null
  if (needles && !needles.some((needle) => line.includes(needle))) return null
  if (line.endsWith(',')) line = line.slice(0, -1)
  let raw: Json
  try {
    raw = JSON.parse(line) as Json
  } catch {
    return false
  }
  if (filter.classes) {
    const wanted = filter.classes
    if (!claimIds(raw['claims'], 'P31').some((c) => wanted.includes(c))) return null
  }
  const entity = entityFromWikidata(raw, filter.languages, filter.classTypes)
  if (!entity) return null
  if (filter.enwikiOnly && !entity.wikipedia) return null
  if (entity.popularity < filter.minSitelinks) return null
  return entity
}

/** Class needles for the cheap rejection: `"Q5"` appears in the dump and in simplified NDJSON. */
export function classNeedles(classes: ReadonlyArray<string> | undefined): Array<string> | undefined {
  return classes ? classes.map((c) => `"${c}"`) : undefined
}

/** An entity with its lookup keys, as the SQLite writer stores them. */
export type PreparedEntity = [KbEntity, Array<string | number>]

/** Compute the `names` rows (`key, kind` pairs) of an entity. */
export function prepareEntity(entity: KbEntity): PreparedEntity {
  const keys: Array<string | number> = []
  for (const [key, kind] of entityKeys(entity)) keys.push(key, matchRank[kind])
  return [entity, keys]
}
