export {ingest} from './lib/index.js'
export type {IngestSummary} from './lib/index.js'
export type {DuplicatesPolicy, FieldName, Fields, IngestCache, Options} from './lib/options.js'
