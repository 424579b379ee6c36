import {execFileSync} from 'node:child_process'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {DocumentRecord} from '@copydesk/document'
import {beforeAll, describe, expect, it} from 'vitest'
import type * as Api from '../src/index.js'
import {corpus, hostile, trip, visit} from './fixtures.js'
import {listFiles, temporaryFolder} from './helpers.js'

// The worker thread runs built JavaScript: build this package, then use `dist`.
const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
let api: typeof Api
let workerScript: () => URL | undefined

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-b'], {cwd: packageFolder, stdio: 'inherit'})
  api = (await import(path.join(packageFolder, 'dist', 'index.js'))) as typeof Api
  ;({workerScript} = (await import(path.join(packageFolder, 'dist', 'lib', 'remote.js'))) as {
    workerScript: () => URL | undefined
  })
}, 120_000)

describe('exportRecords with the report in a worker thread', () => {
  it('writes the same files as a single-thread run', async () => {
    expect(workerScript()?.pathname).toBe(path.join(packageFolder, 'dist', 'lib', 'worker.js'))
    const threaded = temporaryFolder()
    const single = temporaryFolder()
    const records = [...corpus, hostile]
    const a = await api.exportRecords(records, {outDir: threaded, formats: ['html', 'csv']})
    const b = await api.exportRecords(records, {outDir: single, formats: ['html', 'csv'], worker: false})
    const summary = (files: typeof a, root: string) =>
      files.map((file) => [path.relative(root, file.path), file.bytes, file.sha256]).sort()
    expect(summary(a, threaded)).toEqual(summary(b, single))
    expect(listFiles(threaded)).toEqual(listFiles(single))
    expect(listFiles(threaded)).toContain('report/index.html')
  })

  it('leaves nothing behind when the input fails midway', async () => {
    const outDir = temporaryFolder()
    async function* broken(): AsyncGenerator<DocumentRecord> {
      yield visit
      yield trip
      throw new Error('feed cut off')
    }

    await expect(api.exportRecords(broken(), {outDir, formats: ['jsonl', 'html']})).rejects.toThrow(
      'feed cut off'
    )
    expect(listFiles(outDir)).toEqual([])
  })
})
