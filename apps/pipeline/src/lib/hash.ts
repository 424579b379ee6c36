import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex')
}

/**
 * Fingerprint input paths by content: every file below them (following
 * symbolic links, which turbo does not), sorted, with its path and the hash of
 * its bytes. Any change of content, name or set of files changes the result.
 */
export async function fingerprintPaths(paths: ReadonlyArray<string>): Promise<{hash: string; files: number; bytes: number}> {
  const hash = createHash('sha256')
  let files = 0
  let bytes = 0
  const seen = new Set<string>()

  // Synchronous calls: nothing else runs meanwhile, and a folder of thousands
  // of small files is read several times faster than through the thread pool.
  function visit(file: string): void {
    let stat
    try {
      stat = fs.statSync(file)
    } catch {
      // Unreadable or dangling: ingest reports it; fingerprint its name only.
      hash.update(`missing\0${file}\0`)
      return
    }

    if (stat.isDirectory()) {
      const real = fs.realpathSync(file)
      if (seen.has(real)) return
      seen.add(real)
      const entries = fs.readdirSync(file).sort()
      for (const entry of entries) visit(path.join(file, entry))
      return
    }

    files++
    bytes += stat.size
    let content: Buffer
    try {
      content = fs.readFileSync(file)
    } catch {
      hash.update(`unreadable\0${file}\0`)
      return
    }

    hash.update(`file\0${file}\0${sha256(content)}\0`)
  }

  for (const file of paths) visit(file)
  return {hash: hash.digest('hex'), files, bytes}
}
