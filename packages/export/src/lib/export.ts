import path from 'node:path'
import type {ExportedFile, Format} from './atomic.js'
import {createCsvWriter, type CsvOptions} from './csv.js'
import {createHtmlWriter, type HtmlOptions} from './html.js'
import {createJsonLdWriter, type JsonLdOptions} from './jsonld.js'
import {createJsonlWriter, createJsonWriter} from './jsonl.js'
import {createNTriplesWriter, createTurtleWriter, type RdfOptions} from './rdf.js'
import {createRemoteWriter, workerScript} from './remote.js'
import {createSqliteWriter} from './sqlite.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/** Every format, in the order they are written. */
export const formats: ReadonlyArray<Format> = Object.freeze([
  'jsonl',
  'json',
  'csv',
  'jsonld',
  'turtle',
  'ntriples',
  'sqlite',
  'html'
])

/** Where each format goes, relative to `outDir`. */
export const outputNames: Readonly<Record<Format, string>> = Object.freeze({
  jsonl: 'documents.jsonl',
  json: 'documents.json',
  csv: '.',
  jsonld: 'documents.jsonld',
  turtle: 'documents.ttl',
  ntriples: 'documents.nt',
  sqlite: 'documents.sqlite',
  html: 'report'
})

/** Options of `exportRecords`. */
export interface ExportOptions {
  /** Output folder (required). */
  outDir: string
  /** Formats to write (default: every format). */
  formats?: ReadonlyArray<Format> | null | undefined
  /** Options of the CSV writer. */
  csv?: Readonly<CsvOptions> | null | undefined
  /** Options of the JSON-LD writer. */
  jsonld?: Readonly<JsonLdOptions> | null | undefined
  /** Options of the Turtle and N-Triples writers. */
  rdf?: Readonly<RdfOptions> | null | undefined
  /** Options of the HTML report. */
  html?: Readonly<HtmlOptions> | null | undefined
  /**
   * Write the HTML report in a worker thread while the other formats are
   * written on the main thread (default: `true`; used when the report and
   * another format are chosen).
   */
  worker?: boolean | null | undefined
}

/**
 * Parse a comma-separated list of formats (`jsonl,csv`; `all` for every one).
 *
 * @throws An `Error` naming the unknown format, or when the list is empty.
 */
export function parseFormats(value: string): Array<Format> {
  const result: Array<Format> = []
  const parts = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
  if (parts.length === 0) {
    throw new Error('Expected at least one format, such as `jsonl,csv` or `all`')
  }

  for (const part of parts) {
    if (part === 'all') {
      result.push(...formats)
    } else if ((formats as ReadonlyArray<string>).includes(part)) {
      result.push(part as Format)
    } else {
      throw new Error(
        'Unknown format `' + part + '`, expected one of: ' + [...formats, 'all'].join(', ')
      )
    }
  }

  return formats.filter((format) => result.includes(format))
}

/** Create the writer of one format in `outDir`. */
export function createWriter(format: Format, options: Readonly<ExportOptions>): RecordWriter {
  const target = path.join(options.outDir, outputNames[format])
  switch (format) {
    case 'jsonl': {
      return createJsonlWriter(target)
    }

    case 'json': {
      return createJsonWriter(target)
    }

    case 'csv': {
      return createCsvWriter(target, options.csv)
    }

    case 'jsonld': {
      return createJsonLdWriter(target, options.jsonld)
    }

    case 'turtle': {
      return createTurtleWriter(target, options.rdf)
    }

    case 'ntriples': {
      return createNTriplesWriter(target, options.rdf)
    }

    case 'sqlite': {
      return createSqliteWriter(target)
    }

    case 'html': {
      return createHtmlWriter(target, options.html)
    }

    default: {
      throw new Error('Unknown format `' + String(format) + '`')
    }
  }
}

/**
 * Stream `records` once through the writers of the chosen formats.
 * Each file is written under a temporary name and renamed into place only
 * when every format is complete; on error no new file appears.
 *
 * @returns The files written, with size and SHA-256.
 */
export async function exportRecords(
  records: Records,
  options: Readonly<ExportOptions>
): Promise<Array<ExportedFile>> {
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') {
    throw new Error('Expected `outDir` (string) in the options of `exportRecords`')
  }

  const chosen = options.formats ?? formats
  for (const format of chosen) {
    if (!formats.includes(format)) {
      throw new Error('Unknown format `' + String(format) + '` in `formats`')
    }
  }

  const unique = formats.filter((format) => chosen.includes(format))
  const script = options.worker === false ? undefined : workerScript()
  if (script && unique.includes('html') && unique.length > 1) {
    const {worker, ...plain} = options
    const files = await drive(
      [
        createRemoteWriter(script, ['html'], plain),
        ...unique.filter((format) => format !== 'html').map((format) => createWriter(format, options))
      ],
      records
    )
    // Report files last, as in a single-thread run.
    return [...files.filter((file) => file.format !== 'html'), ...files.filter((file) => file.format === 'html')]
  }

  return drive(
    unique.map((format) => createWriter(format, options)),
    records
  )
}
