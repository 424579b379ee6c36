import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {createHash} from 'node:crypto'
import {appDir} from './paths.js'

const require = createRequire(import.meta.url)

function hashFolder(hash: ReturnType<typeof createHash>, folder: string): void {
  let entries: Array<fs.Dirent>
  try {
    entries = fs.readdirSync(folder, {withFileTypes: true})
  } catch {
    return
  }

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) hashFolder(hash, file)
    else if (!entry.name.endsWith('.map') && !entry.name.endsWith('.tsbuildinfo')) {
      hash.update(entry.name).update(fs.readFileSync(file))
    }
  }
}

/**
 * The code version of a stage: a hash of the built code of its packages and
 * of this app, so that the per-document cache never serves results of older
 * code.
 */
export function codeVersion(packages: ReadonlyArray<string>): string {
  const hash = createHash('sha256')
  for (const name of packages) {
    const packageJson = require.resolve(`${name}/package.json`)
    const folder = path.dirname(packageJson)
    hash.update(fs.readFileSync(packageJson))
    hashFolder(hash, path.join(folder, 'dist'))
    hashFolder(hash, path.join(folder, 'data'))
  }

  hashFolder(hash, path.join(appDir, 'dist'))
  return hash.digest('hex').slice(0, 16)
}
