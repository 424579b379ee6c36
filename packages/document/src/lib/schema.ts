import {createRequire} from 'node:module'
import type {Ajv2020 as Ajv2020Type, ValidateFunction} from 'ajv/dist/2020.js'
import schema from './document-record.schema.json' with {type: 'json'}
import type {DocumentRecord} from './types.js'

/** JSON Schema (draft 2020-12) of {@link DocumentRecord}. */
export const documentRecordSchema: Readonly<Record<string, unknown>> = schema

let validator: ValidateFunction<DocumentRecord> | undefined

/**
 * Check a value against the document-record JSON Schema and the offset rules
 * (`text.slice(start, end) === mention.text`, `start <= end <= text.length`).
 *
 * @returns A list of problems; empty when the record is valid.
 */
export function validateRecord(value: unknown): Array<string> {
  if (!validator) {
    // Ajv is loaded on first use: importing the contract stays cheap for
    // stages that never validate.
    const {Ajv2020} = createRequire(import.meta.url)('ajv/dist/2020.js') as {Ajv2020: typeof Ajv2020Type}
    const ajv = new Ajv2020({allErrors: true, strict: true})
    validator = ajv.compile<DocumentRecord>(schema)
  }

  if (!validator(value)) {
    return (validator.errors ?? []).map(
      (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`
    )
  }

  const record = value
  const problems: Array<string> = []
  const length = record.text.length
  const spans: Array<[string, {start: number; end: number; text?: string}]> = [
    ...record.excluded.map((x, i) => [`/excluded/${i}`, x] as [string, typeof x]),
    ...record.mentions.map((x, i) => [`/mentions/${i}`, x] as [string, typeof x]),
    ...record.dates.map((x, i) => [`/dates/${i}`, x] as [string, typeof x])
  ]
  for (const [where, span] of spans) {
    if (span.start > span.end || span.end > length) {
      problems.push(`${where} has offsets ${span.start}-${span.end} outside the text (${length})`)
    } else if (span.text !== undefined && record.text.slice(span.start, span.end) !== span.text) {
      problems.push(`${where} text ${JSON.stringify(span.text)} does not match text at ${span.start}-${span.end}`)
    }
  }

  return problems
}
