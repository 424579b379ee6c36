export type {EntityType, KbEntity, KnowledgeBase} from './lib/types.js'
export {MemoryKnowledgeBase, normalizeName} from './lib/memory.js'
