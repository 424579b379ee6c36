export type {
  EntityType,
  FuzzyOptions,
  KbCandidate,
  KbEntity,
  KnowledgeBase,
  LookupOptions,
  MatchKind
} from './lib/types.js'
export type {ImportOptions, ImportProgress, ImportResult} from './lib/import.js'
export type {StarterHeader} from './lib/starter.js'
export {classTypes, typeFromClasses} from './lib/classes.js'
export {importWikidataDump} from './lib/import.js'
export {entityFromWikidata} from './lib/parse.js'
export {MemoryKnowledgeBase} from './lib/memory.js'
export {defaultMaxDistance, nameKey, normalizeName, shortForms} from './lib/normalize.js'
export {SqliteKbWriter, SqliteKnowledgeBase, writeSqliteKb} from './lib/sqlite.js'
export {loadStarterKb, parseStarter} from './lib/starter.js'
export {identityKey, nilId, slug} from './lib/nil.js'
