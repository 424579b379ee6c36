export type {ExportedFile, Format} from './lib/atomic.js'
export {
  createCsvWriter,
  csvColumns,
  neutralizeCell,
  writeCsv,
  type CsvOptions
} from './lib/csv.js'
export {
  createWriter,
  exportRecords,
  formats,
  outputNames,
  parseFormats,
  type ExportOptions
} from './lib/export.js'
export {createHtmlWriter, writeHtmlReport, type HtmlOptions} from './lib/html.js'
export {
  createJsonLdWriter,
  jsonLdContext,
  toNewsArticle,
  writeJsonLd,
  type JsonLdOptions
} from './lib/jsonld.js'
export {createJsonlWriter, createJsonWriter, writeJson, writeJsonl} from './lib/jsonl.js'
export {
  createNTriplesWriter,
  createTurtleWriter,
  rdfPrefixes,
  toQuads,
  writeNTriples,
  writeTurtle,
  type RdfOptions
} from './lib/rdf.js'
export {createSqliteWriter, sqliteSchema, writeSqlite} from './lib/sqlite.js'
export {codePointOffsets, safeFileName, withRecordJson} from './lib/util.js'
export type {RecordWriter, Records} from './lib/writer.js'
