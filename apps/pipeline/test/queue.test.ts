import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import type {DocumentRecord} from '@copydesk/document'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateCorpus} from '../bin/generate-corpus.js'
import {appDir, cli, readJsonl, temporary, freePort} from './helpers.js'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0


function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore'
  })
}

async function waitForRedis(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], {encoding: 'utf8'}).stdout.trim() === 'PONG') return
    await sleep(50)
  }

  throw new Error('redis-server did not start')
}

interface WorkerHandle {
  child: ChildProcess
  log: () => string
}

function startWorker(url: string, env: Record<string, string> = {}): WorkerHandle {
  let output = ''
  const child = spawn(process.execPath, [path.join(appDir, 'bin', 'copydesk.js'), 'worker', '--queue', url], {
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return {child, log: () => output}
}

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await sleep(25)
  }
}

/** Run the CLI asynchronously (the test needs to act while it runs). */
function runAsync(args: Array<string>, env: Record<string, string>): Promise<{code: number; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(appDir, 'bin', 'copydesk.js'), ...args], {
      env: {...process.env, ...env},
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({code: code ?? -1, stderr}))
  })
}

describe.skipIf(!hasRedis)('queue mode (BullMQ on a real redis-server on loopback)', () => {
  let port: number
  let url: string
  let redis: ChildProcess
  const workers: Array<WorkerHandle> = []
  let base: string
  let expected: Array<DocumentRecord>

  /** A copy of the corpus in a new folder: a turbo miss, with a fresh per-document cache. */
  function freshCorpus(name: string, extra?: (dir: string) => void): {input: string; env: Record<string, string>} {
    const input = path.join(base, name)
    fs.cpSync(path.join(base, 'corpus'), input, {recursive: true})
    extra?.(input)
    return {input, env: {COPYDESK_CACHE_DIR: path.join(base, `cache-${name}`)}}
  }

  beforeAll(async () => {
    port = await freePort()
    url = `redis://127.0.0.1:${port}`
    redis = startRedis(port)
    await waitForRedis(port)
    base = temporary('queue')
    generateCorpus(path.join(base, 'corpus'), 120)
    // The reference: the same corpus processed on this machine, no queue.
    const local = cli(['run', '--input', path.join(base, 'corpus'), '--out', path.join(base, 'local'), '--concurrency', '1'], {
      env: {COPYDESK_CACHE_DIR: path.join(base, 'cache-local')}
    })
    expect(local.code, local.stderr).toBe(0)
    expected = readJsonl<DocumentRecord>(path.join(base, 'local', 'documents.jsonl'))
  })

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL')
    redis?.kill('SIGKILL')
  })

  it('spreads the documents over two workers, every document once, same output as a local run', async () => {
    workers.push(startWorker(url), startWorker(url))
    await waitFor(() => workers.every((w) => w.log().includes('ready')))
    const {input, env} = freshCorpus('two-workers')
    const out = path.join(base, 'out-two')
    const result = await runAsync(['run', '--input', input, '--out', out, '--queue', url], env)
    expect(result.code, result.stderr).toBe(0)
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id))
    expect(records.map((r) => [r.mentions, r.dates])).toEqual(expected.map((r) => [r.mentions, r.dates]))
    for (const worker of workers) expect(worker.log()).toMatch(/batch names-[0-9a-f]+ \(names, \d+ documents\) started/)
  })

  it('retries the batch of a worker killed mid-batch elsewhere: no loss, no duplicate', async () => {
    const {input, env} = freshCorpus('killed')
    const out = path.join(base, 'out-killed')
    const running = runAsync(['run', '--input', input, '--out', out, '--queue', url], env)
    const victim = workers[0]
    const before = victim.log().length
    await waitFor(() => victim.log().slice(before).includes('started'), 60_000)
    victim.child.kill('SIGKILL')
    const result = await running
    expect(result.code, result.stderr).toBe(0)
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id))
    expect(records.map((r) => r.mentions)).toEqual(expected.map((r) => r.mentions))
    workers.shift()
  })

  it('lets a poison document fail alone after bounded retries, and reports it', async () => {
    // Every worker fails on the poison document, as a stage bug would.
    for (const worker of workers.splice(0)) worker.child.kill('SIGKILL')
    const poisoned = startWorker(url, {COPYDESK_TEST_FAIL_ON: 'POISON-PILL'})
    workers.push(poisoned)
    await waitFor(() => poisoned.log().includes('ready'))
    const {input, env} = freshCorpus('poison', (dir) => {
      fs.writeFileSync(path.join(dir, 'zz-poison.txt'), 'Mayor Ana Ruiz spoke on Monday. POISON-PILL\n')
    })
    const out = path.join(base, 'out-poison')
    const result = await runAsync(['run', '--input', input, '--out', out, '--queue', url], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/a stage failed on \d+ document/)
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records).toHaveLength(expected.length + 1)
    const poison = records.find((r) => r.id === 'zz-poison.txt')!
    expect(poison.messages.some((m) => m.ruleId === 'stage-failed')).toBe(true)
    for (const record of records.filter((r) => r.id !== 'zz-poison.txt')) {
      expect(record.messages.some((m) => m.ruleId === 'stage-failed')).toBe(false)
    }

    // Bounded: each attempt of the poison document's own batch is logged as failed.
    const failures = poisoned.log().match(/failed: Document zz-poison\.txt broke/g) ?? []
    expect(failures.length).toBeGreaterThan(0)
    expect(failures.length).toBeLessThanOrEqual(3 * 2 * 3)
  })

  it('resumes when Redis restarts mid-run', async () => {
    const {input, env} = freshCorpus('restart')
    const out = path.join(base, 'out-restart')
    const running = runAsync(['run', '--input', input, '--out', out, '--queue', url], env)
    const watcher = workers.at(-1)!
    const before = watcher.log().length
    await waitFor(() => watcher.log().slice(before).includes('started'), 60_000)
    redis.kill('SIGKILL')
    await sleep(300)
    redis = startRedis(port)
    await waitForRedis(port)
    const result = await running
    expect(result.code, result.stderr).toBe(0)
    const records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id))
  })
})
