import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {
  DocumentRecord,
  EntitySummary,
  Mention,
  RecordMessage,
  Severity
} from './types.js'

/**
 * Turn a vfile message into a record message, with offsets where the message
 * has a place with offsets.
 */
export function toRecordMessage(message: VFileMessage): RecordMessage {
  const result: RecordMessage = {
    ruleId: message.ruleId ?? 'unknown',
    source: message.source ?? 'copydesk',
    reason: message.reason,
    severity: toSeverity(message.fatal)
  }
  const place = message.place
  if (place) {
    if ('start' in place) {
      if (typeof place.start.offset === 'number') result.start = place.start.offset
      if (typeof place.end.offset === 'number') result.end = place.end.offset
    } else if (typeof place.offset === 'number') {
      result.start = place.offset
    }
  }

  return result
}

function toSeverity(fatal: boolean | null | undefined): Severity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
}

/**
 * Summarize mentions per entity: one row per linked entity id, or per
 * canonical name (and type) for mentions without a link.
 */
/** `String#localeCompare` with the default locale, made once (each `localeCompare` call builds a collator). */
const collator = new Intl.Collator()

export function summarizeEntities(
  mentions: ReadonlyArray<Mention>,
  title?: string | null
): Array<EntitySummary> {
  const byKey = new Map<string, EntitySummary>()
  const total = mentions.length || 1
  for (const mention of mentions) {
    const key = mention.entity ? mention.entity.id : `name:${mention.type}:${mention.name}`
    let summary = byKey.get(key)
    if (!summary) {
      summary = {
        id: mention.entity ? mention.entity.id : `name:${mention.name}`,
        name: mention.entity ? mention.entity.label : mention.name,
        type: mention.type,
        count: 0,
        mentions: [],
        variants: [],
        roles: [],
        salience: 0
      }
      if (mention.entity?.wikipedia) summary.wikipedia = mention.entity.wikipedia
      byKey.set(key, summary)
    }

    summary.count++
    summary.mentions.push(mention.id)
    if (!summary.variants.includes(mention.text)) summary.variants.push(mention.text)
    if (mention.role && !summary.roles.includes(mention.role)) summary.roles.push(mention.role)
  }

  const titleText = (title ?? '').toLowerCase()
  const result = [...byKey.values()]
  for (const summary of result) {
    let salience = summary.count / total
    if (titleText && summary.variants.some((v) => titleText.includes(v.toLowerCase()))) {
      salience = Math.min(1, salience + 0.25)
    }

    summary.salience = Math.round(salience * 1000) / 1000
  }

  return result.sort((a, b) => b.salience - a.salience || collator.compare(a.name, b.name))
}

/**
 * Assemble the output record of a processed file from what the stages left
 * on `file.data` and its messages.
 */
export function toRecord(file: VFile): DocumentRecord {
  const ingest = file.data.ingest
  const text = String(file.value ?? '')
  const names = file.data.names?.mentions ?? []
  const links = file.data.links
  const mentions: Array<Mention> = names.map((mention) => ({
    ...mention,
    entity: links?.entities[mention.id] ?? null
  }))
  const record: DocumentRecord = {
    id: ingest?.id ?? file.stem ?? 'document',
    title: ingest?.title ?? null,
    url: ingest?.url ?? null,
    outlet: ingest?.outlet ?? null,
    published: ingest?.published ?? null,
    text,
    excluded: ingest?.excluded ?? [],
    mentions,
    dates: file.data.dates?.dates ?? [],
    entities: summarizeEntities(mentions, ingest?.title),
    messages: file.messages.map((message) => toRecordMessage(message))
  }
  if (ingest) {
    record.authors = ingest.authors
    record.language = ingest.language
    if (ingest.publishedSource) record.publishedSource = ingest.publishedSource
    record.source = ingest.source
    if (ingest.duplicateOf !== undefined) record.duplicateOf = ingest.duplicateOf
  }

  if (links) record.kb = links.kb
  return record
}
