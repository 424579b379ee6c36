import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/**
 * The project's `shared/` folder (reference data, present in CI): from
 * `COPYDESK_SHARED_DIR`, else the first `shared/` beside an ancestor of this
 * package (`../shared` from the project root). `undefined` when absent.
 */
export function sharedDir(): string | undefined {
  const fromEnv = process.env['COPYDESK_SHARED_DIR']
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  let dir = resolve(import.meta.dirname, '..')
  while (dirname(dir) !== dir) {
    dir = dirname(dir)
    if (existsSync(join(dir, 'shared', 'kb'))) return join(dir, 'shared')
  }
  return undefined
}
