#!/usr/bin/env node
// `pnpm bench`: pipeline timings (cold run, unchanged re-run, one article
// edited) on a generated corpus of 2,000 news-like articles and on the sample
// corpus, then each package's own benchmark (packages/*/bench/bench.js).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateCorpus} from './generate-corpus.js'

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(app, '..', '..')
const args = process.argv.slice(2)
const count = Number(args[args.indexOf('--articles') + 1]) || 2000
const only = args.includes('--pipeline-only') ? 'pipeline' : args.includes('--packages-only') ? 'packages' : args.includes('--throughput-only') ? 'throughput' : 'all'
const throughputMb = Number(args[args.indexOf('--mb') + 1]) || 20

// Through `pnpm pipeline run`, as the issue measures re-runs; throughput runs
// call the `copydesk` bin directly (`direct`), without pnpm's own start-up.
// `pinned`: the whole run (turbo, stages, their threads) held to CPU 0 with
// taskset: one core in the strict sense; a one-thread run still lets V8's
// garbage collector and libuv use the other cores.
function pipeline(argv, env = {}, direct = false, pinned = false) {
  const start = performance.now()
  let [command, prefix] = direct ? [process.execPath, [path.join(app, 'bin', 'copydesk.js')]] : ['pnpm', ['-s', 'pipeline']]
  if (pinned) [command, prefix] = ['taskset', ['-c', '0', command, ...prefix]]
  const result = spawnSync(command, [...prefix, 'run', '--no-progress', ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: {...process.env, ...env}
  })
  const ms = performance.now() - start
  if (result.status !== 0) {
    process.stderr.write(result.stderr)
    throw new Error(`pipeline run failed (${result.status})`)
  }
  return {ms, stderr: result.stderr}
}

const fmt = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`)

function manifests() {
  const work = path.join(app, '.work')
  return Object.fromEntries(
    ['ingest', 'names', 'dates', 'link', 'export'].map((stage) => [
      stage,
      JSON.parse(fs.readFileSync(path.join(work, stage, 'manifest.json'), 'utf8')).stats
    ])
  )
}

if (only === 'all' || only === 'pipeline') {
  // Make sure everything is built, so the timings measure the pipeline, not tsc.
  spawnSync('pnpm', ['-s', 'turbo', 'run', 'build', '--output-logs=errors-only'], {cwd: root, stdio: 'inherit'})
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'))
  const corpus = path.join(base, 'corpus')
  const {bytes, files} = generateCorpus(corpus, count)
  const env = {COPYDESK_CACHE_DIR: path.join(base, 'cache')}
  const out = path.join(base, 'out')
  console.log(`# copydesk pipeline bench: ${files} generated articles, ${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} cores`)
  const cold = pipeline(['--input', corpus, '--out', out], env)
  console.log(`cold run (empty caches):           ${fmt(cold.ms)}  (${(bytes / 1e6 / (cold.ms / 1000)).toFixed(2)} MB/s end to end)`)
  const warm = pipeline(['--input', corpus, '--out', out], env)
  const hit = warm.stderr.includes('all 5 stages from the turbo cache')
  console.log(`unchanged re-run:                  ${fmt(warm.ms)}  (${hit ? 'full turbo cache hit' : 'NOT a full cache hit'}; target < 3 s)`)
  const victim = path.join(corpus, fs.readdirSync(corpus).sort()[Math.floor(files / 2)])
  fs.appendFileSync(victim, '\nThe council will meet again next Tuesday, officials said.\n')
  const edited = pipeline(['--input', corpus, '--out', out], env)
  const share = (edited.ms / cold.ms) * 100
  console.log(`one article edited:                ${fmt(edited.ms)}  (${share.toFixed(1)}% of the cold run; target < 10%)`)
  for (const line of edited.stderr.split('\n').filter((l) => /^\s+(ingest|names|dates|link|export) /.test(l))) {
    console.log(`   ${line.trim()}`)
  }

  const sampleOut = path.join(base, 'sample-out')
  pipeline(['--out', sampleOut], env)
  const sample = pipeline(['--out', sampleOut], env)
  const sampleHit = sample.stderr.includes('all 5 stages from the turbo cache')
  console.log(`sample corpus, unchanged re-run:   ${fmt(sample.ms)}  (${sampleHit ? 'full turbo cache hit' : 'NOT a full cache hit'}; target < 1.5 s)`)
  fs.rmSync(base, {recursive: true, force: true})
}

if (only === 'all' || only === 'throughput') {
  spawnSync('pnpm', ['-s', 'turbo', 'run', 'build', '--output-logs=errors-only'], {cwd: root, stdio: 'inherit'})
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-throughput-'))
  const corpus = path.join(base, 'corpus')
  // Articles of about 2.6 kB: enough of them for the size asked.
  const {bytes, files} = generateCorpus(corpus, Math.ceil((throughputMb * 1e6) / 2600))
  console.log(`\n# throughput: ${files} generated articles, ${(bytes / 1e6).toFixed(1)} MB (ingest -> export JSONL, \`copydesk run\`)`)
  const results = {}
  const measure = (label, source, threads, pinned = false) => {
    // A fresh copy of the input and fresh caches: nothing comes from a cache.
    const input = path.join(base, `input-${label}-${threads}`)
    fs.cpSync(source, input, {recursive: true})
    const size = fs.readdirSync(input, {recursive: true}).reduce((sum, name) => {
      const file = path.join(input, String(name))
      return fs.statSync(file).isFile() ? sum + fs.statSync(file).size : sum
    }, 0)
    const documents = () => fs.readFileSync(path.join(base, `out-${label}-${threads}`, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).length
    const run = pipeline(['--input', input, '--out', path.join(base, `out-${label}-${threads}`), '--concurrency', String(threads), '--force'], {
      COPYDESK_CACHE_DIR: path.join(base, `cache-${label}-${threads}${pinned ? '-pinned' : ''}`)
    }, true, pinned)
    const stats = manifests()
    const stageMs = Object.values(stats).reduce((sum, s) => sum + s.ms, 0)
    const peak = Math.max(...Object.values(stats).map((s) => s.maxRss ?? 0))
    const mbPerS = size / 1e6 / (run.ms / 1000)
    console.log(
      `${label}, ${pinned ? 'pinned to one core' : `${threads} thread${threads > 1 ? 's' : ' '}`}: ${fmt(run.ms)}, ${mbPerS.toFixed(2)} MB/s, ${(documents() / (run.ms / 1000)).toFixed(0)} documents/s, peak RSS ${(peak / 1e6).toFixed(0)} MB`
    )
    console.log(
      `   stage shares: ${Object.entries(stats)
        .map(([stage, s]) => `${stage} ${((s.ms / stageMs) * 100).toFixed(0)}% (${fmt(s.ms)})`)
        .join(', ')}; process start-up and turbo ${fmt(run.ms - stageMs)}`
    )
    return mbPerS
  }

  for (const threads of [1, os.availableParallelism()]) results[threads] = measure('generated', corpus, threads)
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0
  const pinnedRate = taskset ? measure('generated', corpus, 1, true) : undefined
  const sample = path.join(app, 'corpus')
  const sampleOne = measure('sample corpus', sample, 1)
  const sampleAll = measure('sample corpus', sample, os.availableParallelism())
  console.log(`sample corpus, all cores / one core: ${(sampleAll / sampleOne).toFixed(2)}x (14 articles: start-up dominates)`)
  const cores = os.availableParallelism()
  console.log(`generated, all cores / one thread: ${(results[cores] / results[1]).toFixed(2)}x (target >= 1.7x on 2 cores)`)
  if (pinnedRate) console.log(`generated, all cores / pinned to one core: ${(results[cores] / pinnedRate).toFixed(2)}x`)
  else console.log('(taskset not found: no run pinned to one core)')
  const baseline = spawnSync(process.execPath, [path.join(app, 'bin', 'bench-baselines.js'), corpus, '1000000'], {
    cwd: app,
    encoding: 'utf8'
  })
  if (baseline.status === 0) {
    const b = JSON.parse(baseline.stdout)
    console.log(`same text, first ${(b.bytes / 1e6).toFixed(1)} MB, in this process's neighbour:`)
    console.log(`   compromise people:          ${b.compromisePeople.mbPerS.toFixed(3)} MB/s`)
    console.log(`   compromise people + dates:  ${b.compromisePeopleDates.mbPerS.toFixed(3)} MB/s`)
    console.log(`   chrono-node parse:          ${b.chrono.mbPerS.toFixed(3)} MB/s`)
    console.log(
      `copydesk end to end / compromise people + dates: one core ${(results[1] / b.compromisePeopleDates.mbPerS).toFixed(1)}x, all cores ${(results[cores] / b.compromisePeopleDates.mbPerS).toFixed(1)}x (target >= 20x)`
    )
  } else {
    console.log(`(baselines failed: ${baseline.stderr.trim().split('\n').pop()})`)
  }

  const plugins = spawnSync(process.execPath, [path.join(app, 'bin', 'bench-plugins.js'), corpus, '5000000'], {cwd: app, encoding: 'utf8'})
  if (plugins.status === 0) {
    const p = JSON.parse(plugins.stdout)
    const mb = p.bytes / 1e6
    const rate = ([first, second]) => `${(mb / first).toFixed(2)} MB/s first pass, ${(mb / second).toFixed(2)} MB/s second`
    console.log(`per-document work on the same text (first ${mb.toFixed(1)} MB, one thread, CPU time):`)
    console.log(`   names: ${rate(p.names)}`)
    console.log(`   dates: ${rate(p.dates)}`)
    console.log(`   link:  ${rate(p.link)}`)
    console.log(
      `   linking / naming: ${((p.link[0] / p.names[0]) * 100).toFixed(0)}% first pass, ${((p.link[1] / p.names[1]) * 100).toFixed(0)}% second (target <= 30%)`
    )
  } else {
    console.log(`(plugin bench failed: ${plugins.stderr.trim().split('\n').pop()})`)
  }

  fs.rmSync(base, {recursive: true, force: true})
}

if (only === 'all' || only === 'packages') {
  for (const name of fs.readdirSync(path.join(root, 'packages')).sort()) {
    const script = path.join(root, 'packages', name, 'bench', 'bench.js')
    if (!fs.existsSync(script)) continue
    console.log(`\n# @copydesk/${name}`)
    const result = spawnSync(process.execPath, [script], {cwd: path.dirname(path.dirname(script)), stdio: 'inherit'})
    if (result.status !== 0) console.log(`(bench of @copydesk/${name} exited with ${result.status})`)
  }
}
