import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import type {DocumentRecord} from '@copydesk/document'
import {AtomicFile, type ExportedFile, type StagedFile} from './atomic.js'
import {entityOfMention} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/** Options of the CSV writer. */
export interface CsvOptions {
  /** Start each file with a UTF-8 byte order mark, so that spreadsheets read it as UTF-8 (default: `true`). */
  bom?: boolean | null | undefined
  /** Put the full article text in `documents.csv` (default: `true`). */
  text?: boolean | null | undefined
}

type Cell = string | number | null | undefined
type Row = Record<string, Cell>

/** Columns of each CSV file, in order. */
export const csvColumns = {
  documents: [
    'document_id',
    'title',
    'url',
    'outlet',
    'published',
    'published_source',
    'language',
    'authors',
    'kb',
    'duplicate_of',
    'mention_count',
    'entity_count',
    'date_count',
    'message_count',
    'text'
  ],
  mentions: [
    'document_id',
    'mention_id',
    'start',
    'end',
    'text',
    'type',
    'name',
    'role',
    'cluster',
    'entity_id',
    'linked_id',
    'linked_label',
    'wikipedia',
    'confidence'
  ],
  entities: [
    'document_id',
    'entity_id',
    'name',
    'type',
    'count',
    'salience',
    'variants',
    'roles',
    'wikipedia',
    'mention_ids'
  ],
  dates: [
    'document_id',
    'date_id',
    'start',
    'end',
    'text',
    'type',
    'value',
    'symbolic',
    'anchor',
    'mod',
    'range_begin',
    'range_end'
  ],
  messages: ['document_id', 'message_index', 'rule_id', 'source', 'severity', 'reason', 'start', 'end']
} as const

/** Separator of list cells (`authors`, `variants`, `roles`, `mention_ids`). */
export const csvListSeparator = '; '

/**
 * Neutralize a cell that a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, tab or carriage return) by prefixing `'`, as OWASP
 * recommends. Numbers are left alone; only text cells are changed.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? "'" + value : value
}

/**
 * Writer of `documents.csv`, `mentions.csv`, `entities.csv`, `dates.csv` and
 * `messages.csv` in `directory`, joined by `document_id` (and `mention_id`,
 * `entity_id`).
 */
export function createCsvWriter(
  directory: string,
  options?: Readonly<CsvOptions> | null | undefined
): RecordWriter {
  const bom = options?.bom ?? true
  const withText = options?.text ?? true
  const names = Object.keys(csvColumns) as Array<keyof typeof csvColumns>
  const files = new Map<keyof typeof csvColumns, AtomicFile>()
  for (const name of names) {
    const file = new AtomicFile(path.join(directory, name + '.csv'), 'csv')
    file.write(
      (bom ? '\uFEFF' : '') +
        stringify([], {header: true, columns: [...csvColumns[name]], record_delimiter: 'windows'})
    )
    files.set(name, file)
  }

  function put(name: keyof typeof csvColumns, rows: Array<Row>) {
    if (rows.length === 0) return
    files.get(name)!.write(
      stringify(rows, {
        columns: [...csvColumns[name]],
        record_delimiter: 'windows',
        cast: {string: neutralizeCell}
      })
    )
  }

  return {
    async write(record: DocumentRecord) {
      const id = record.id
      put('documents', [
        {
          document_id: id,
          title: record.title,
          url: record.url,
          outlet: record.outlet,
          published: record.published,
          published_source: record.publishedSource,
          language: record.language,
          authors: record.authors?.join(csvListSeparator),
          kb: record.kb,
          duplicate_of: record.duplicateOf,
          mention_count: record.mentions.length,
          entity_count: record.entities.length,
          date_count: record.dates.length,
          message_count: record.messages.length,
          text: withText ? record.text : undefined
        }
      ])
      const entityOf = entityOfMention(record)
      put(
        'mentions',
        record.mentions.map((mention) => ({
          document_id: id,
          mention_id: mention.id,
          start: mention.start,
          end: mention.end,
          text: mention.text,
          type: mention.type,
          name: mention.name,
          role: mention.role,
          cluster: mention.cluster,
          entity_id: entityOf.get(mention.id)?.id,
          linked_id: mention.entity?.id,
          linked_label: mention.entity?.label,
          wikipedia: mention.entity?.wikipedia,
          confidence: mention.entity?.confidence
        }))
      )
      put(
        'entities',
        record.entities.map((entity) => ({
          document_id: id,
          entity_id: entity.id,
          name: entity.name,
          type: entity.type,
          count: entity.count,
          salience: entity.salience,
          variants: entity.variants.join(csvListSeparator),
          roles: entity.roles.join(csvListSeparator),
          wikipedia: entity.wikipedia,
          mention_ids: entity.mentions.join(csvListSeparator)
        }))
      )
      put(
        'dates',
        record.dates.map((date) => ({
          document_id: id,
          date_id: date.id,
          start: date.start,
          end: date.end,
          text: date.text,
          type: date.type,
          value: date.value,
          symbolic: date.symbolic,
          anchor: date.anchor,
          mod: date.mod,
          range_begin: date.range?.begin,
          range_end: date.range?.end
        }))
      )
      put(
        'messages',
        record.messages.map((message, index) => ({
          document_id: id,
          message_index: index + 1,
          rule_id: message.ruleId,
          source: message.source,
          severity: message.severity,
          reason: message.reason,
          start: message.start,
          end: message.end
        }))
      )
      for (const file of files.values()) await file.flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      const staged: Array<StagedFile> = []
      for (const file of files.values()) staged.push(await file.finish())
      return staged
    },
    async abort() {
      await Promise.all([...files.values()].map((file) => file.abort()))
    }
  }
}

/**
 * Write the five CSV files of `records` into `directory`, atomically.
 */
export async function writeCsv(
  directory: string,
  records: Records,
  options?: Readonly<CsvOptions> | null | undefined
): Promise<Array<ExportedFile>> {
  return drive([createCsvWriter(directory, options)], records)
}
