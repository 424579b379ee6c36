import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {DocumentRecord} from '@copydesk/document'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type * as Api from '../src/index.js'
import {corpus, hostile, trip, visit} from './fixtures.js'
import {listFiles, temporaryFolder} from './helpers.js'

// The worker thread runs compiled JavaScript: compile the sources into a
// folder of this test's own (not `dist`, which a parallel build may be
// writing), inside the package so that dependencies resolve.
const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const compiled = path.join(packageFolder, '.test-dist')
let api: typeof Api
let workerScript: () => URL | undefined

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  fs.rmSync(compiled, {recursive: true, force: true})
  execFileSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.json', '--outDir', compiled, '--composite', 'false', '--incremental', 'false', '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'],
    {cwd: packageFolder, stdio: 'inherit'}
  )
  api = (await import(path.join(compiled, 'index.js'))) as typeof Api
  ;({workerScript} = (await import(path.join(compiled, 'lib', 'remote.js'))) as {
    workerScript: () => URL | undefined
  })
}, 120_000)

afterAll(() => {
  fs.rmSync(compiled, {recursive: true, force: true})
})

describe('exportRecords with the report in a worker thread', () => {
  it('writes the same files as a single-thread run', async () => {
    expect(workerScript()?.pathname).toBe(path.join(compiled, 'lib', 'worker.js'))
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

  it('fails the run, leaving nothing behind, when the worker cannot write', async () => {
    const outDir = temporaryFolder()
    // A file where the report folder should go.
    fs.writeFileSync(path.join(outDir, 'report'), 'in the way')
    await expect(
      api.exportRecords([visit, trip], {outDir, formats: ['jsonl', 'csv', 'html']})
    ).rejects.toThrow(/EEXIST|ENOTDIR/)
    expect(listFiles(outDir)).toEqual(['report'])
  })
})
