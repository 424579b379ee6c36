import {readFileSync} from 'node:fs'
import {gunzipSync} from 'node:zlib'
import {MemoryKnowledgeBase} from './memory.js'
import type {KbEntity} from './types.js'

/** Header line of the starter KB file. */
export interface StarterHeader {
  /** Snapshot name, such as `starter-2026-11-29-3f2a1c9e`. */
  snapshot: string
  /** Number of entity lines that follow. */
  count: number
}

const starterUrl = new URL('../../data/starter.jsonl.gz', import.meta.url)

let cache: MemoryKnowledgeBase | undefined

/**
 * Parse a starter KB file (gzipped JSONL: a header line, then one entity per
 * line).
 */
export function parseStarter(gzipped: Uint8Array): {header: StarterHeader; entities: Array<KbEntity>} {
  const lines = gunzipSync(gzipped).toString('utf8').split('\n')
  const header = JSON.parse(lines[0]!) as StarterHeader
  const entities: Array<KbEntity> = []
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]) entities.push(JSON.parse(lines[i]!) as KbEntity)
  }
  return {header, entities}
}

/**
 * The starter KB embedded in this package: a few thousand entities most often
 * named in English news. Loaded once, then shared.
 */
export function loadStarterKb(): MemoryKnowledgeBase {
  if (!cache) {
    const {header, entities} = parseStarter(readFileSync(starterUrl))
    cache = new MemoryKnowledgeBase(header.snapshot, entities)
  }
  return cache
}
