import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {createRequire} from 'node:module'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cli, readJsonl, temporary, freePort} from './helpers.js'

const require = createRequire(import.meta.url)


describe('a self-hosted Turborepo remote cache (turborepo-remote-cache on 127.0.0.1)', () => {
  let server: ChildProcess
  let env: Record<string, string>
  let base: string

  beforeAll(async () => {
    base = temporary('remote')
    const port = await freePort()
    const token = 'copydesk-test-token'
    const bin = path.join(path.dirname(require.resolve('turborepo-remote-cache/package.json')), 'dist', 'cli.js')
    server = spawn(process.execPath, [bin], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        TURBO_TOKEN: token,
        // Makes the server keep the signature tag (x-artifact-tag) of each artifact.
        TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'set',
        STORAGE_PROVIDER: 'local',
        STORAGE_PATH: path.join(base, 'storage'),
        STORAGE_PATH_USE_TMP_FOLDER: 'false',
        LOG_LEVEL: 'warn'
      },
      stdio: 'ignore'
    })
    for (let i = 0; i < 200; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/v8/artifacts/status`, {headers: {authorization: `Bearer ${token}`}})
        if (response.ok) break
      } catch {}
      await sleep(50)
    }

    env = {
      TURBO_API: `http://127.0.0.1:${port}`,
      TURBO_TOKEN: token,
      TURBO_TEAM: 'copydesk',
      // Artifacts are signed (turbo.json: remoteCache.signature) with this key.
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'copydesk-test-signing-key-of-32-bytes-or-more'
    }
  })

  afterAll(() => {
    server?.kill()
  })

  it('gives a second machine a full cache hit of a run done on the first', () => {
    const corpus = path.join(base, 'corpus')
    fs.mkdirSync(corpus)
    fs.writeFileSync(path.join(corpus, 'story.txt'), 'Governor Ada Park visited Lagos on Tuesday.\n')
    // Machine one: its own local turbo cache and per-document cache.
    const first = cli(['run', '--input', corpus, '--out', path.join(base, 'out-1')], {
      env: {...env, TURBO_CACHE_DIR: path.join(base, 'turbo-1'), COPYDESK_CACHE_DIR: path.join(base, 'cache-1')}
    })
    expect(first.code, first.stderr).toBe(0)
    expect(fs.readdirSync(path.join(base, 'storage'), {recursive: true}).length).toBeGreaterThan(0)
    // Machine two: empty local caches and no stage outputs; only the remote cache is shared.
    fs.rmSync(path.join(path.dirname(require.resolve('../package.json')), '.work'), {recursive: true, force: true})
    const second = cli(['run', '--input', corpus, '--out', path.join(base, 'out-2')], {
      env: {...env, TURBO_CACHE_DIR: path.join(base, 'turbo-2'), COPYDESK_CACHE_DIR: path.join(base, 'cache-2')}
    })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain('all 5 stages from the turbo cache')
    expect(readJsonl(path.join(base, 'out-2', 'documents.jsonl'))).toEqual(readJsonl(path.join(base, 'out-1', 'documents.jsonl')))
  })

  it('refuses an artifact signed with another key', () => {
    const corpus = path.join(base, 'corpus')
    fs.rmSync(path.join(path.dirname(require.resolve('../package.json')), '.work'), {recursive: true, force: true})
    const third = cli(['run', '--input', corpus, '--out', path.join(base, 'out-3')], {
      env: {
        ...env,
        TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'another-signing-key-also-32-bytes-or-more',
        TURBO_CACHE_DIR: path.join(base, 'turbo-3'),
        COPYDESK_CACHE_DIR: path.join(base, 'cache-3')
      }
    })
    expect(third.code, third.stderr).toBe(0)
    expect(third.stderr).not.toContain('all 5 stages from the turbo cache')
    expect(third.stderr).toMatch(/ingest {2}1 run/)
  })
})
