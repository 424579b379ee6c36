import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Folder of the pipeline app (holds `package.json`, `corpus/`, `.work/`). */
export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Root of the monorepo (where `turbo.json` is). */
export const rootDir = path.resolve(appDir, '..', '..')

/** Folder where the stages write their layers (declared as turbo outputs). */
export const workDir = path.join(appDir, '.work')

/** The bundled sample corpus. */
export const sampleCorpus = path.join(appDir, 'corpus')

/** Per-document caches of the stages. */
export function cacheDir(): string {
  return process.env.COPYDESK_CACHE_DIR || path.join(rootDir, 'node_modules', '.cache', 'copydesk')
}

/** Stage names, in order. */
export const stageNames = ['ingest', 'names', 'dates', 'link', 'export'] as const
export type StageName = (typeof stageNames)[number]

/** Name of the environment variable that carries a stage's configuration. */
export function stageEnv(stage: StageName): string {
  return `COPYDESK_STAGE_${stage.toUpperCase()}`
}
