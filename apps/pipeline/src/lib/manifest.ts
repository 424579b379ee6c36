import fs from 'node:fs'
import path from 'node:path'
import type {StageName} from './paths.js'

/** Counts a stage reports. */
export interface StageStats {
  /** Documents the stage read (for ingest: inputs, failed ones included). */
  read: number
  /** Documents processed by running the stage's code. */
  processed: number
  /** Documents taken from the per-document cache. */
  cached: number
  /** Documents that failed (ingest: unreadable or malformed input). */
  failed: number
  /** Duplicates found (ingest). */
  duplicates?: number
  /** Messages by rule id. */
  messages: Record<string, number>
  /** Wall time of the stage, ms. */
  ms: number
  /** Worker threads the stage ran documents on (absent: in its own thread). */
  threads?: number
  /** Peak resident memory of the stage process, bytes. */
  maxRss?: number
}

/**
 * What a stage wrote. Turbo restores outputs on a cache hit but never deletes
 * stale files, so readers trust only the files a manifest lists, and only
 * when its key is the key they expect.
 */
export interface Manifest {
  stage: StageName
  /** Hash of this stage's configuration chained with its upstream key. */
  key: string
  files: Array<{name: string; size: number; sha256: string}>
  stats: StageStats
  /** Extra facts (the KB snapshot, formats). */
  info?: Record<string, unknown>
}

export function manifestPath(work: string, stage: StageName): string {
  return path.join(work, stage, 'manifest.json')
}

export function readManifest(work: string, stage: StageName): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(manifestPath(work, stage), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

export function writeManifest(work: string, manifest: Manifest): void {
  const file = manifestPath(work, manifest.stage)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(manifest, null, 2) + '\n')
  fs.renameSync(`${file}.tmp`, file)
}

/** Check that every file a manifest lists is present with its size. */
export function checkManifestFiles(work: string, manifest: Manifest): Array<string> {
  const problems: Array<string> = []
  for (const entry of manifest.files) {
    const file = path.join(work, manifest.stage, entry.name)
    let size = -1
    try {
      size = fs.statSync(file).size
    } catch {}
    if (size !== entry.size) problems.push(`${file}: expected ${entry.size} bytes, found ${size < 0 ? 'no file' : size}`)
  }

  return problems
}
