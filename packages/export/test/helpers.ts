import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh temporary folder. */
export function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-export-'))
}

/** Every file under `folder`, relative, sorted. */
export function listFiles(folder: string): Array<string> {
  const result: Array<string> = []
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, {withFileTypes: true})) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory()) walk(full)
      else result.push(path.relative(folder, full))
    }
  }

  walk(folder)
  return result.sort()
}
