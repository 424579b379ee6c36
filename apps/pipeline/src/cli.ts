/**
 * The `copydesk` command line (also `pnpm pipeline …` from the repository).
 */
import fs from 'node:fs'
import path from 'node:path'
import {Command, CommanderError, Option} from 'commander'
import {loadConfig, type ConfigFile} from './lib/config.js'
import {UsageError} from './lib/errors.js'
import {fingerprintPaths, sha256} from './lib/hash.js'
import {chainKeys} from './lib/keys.js'
import {checkManifestFiles, readManifest, type Manifest} from './lib/manifest.js'
import {appDir, cacheDir, sampleCorpus, stageEnv, stageNames, workDir, type StageName} from './lib/paths.js'
import {ProgressView} from './lib/progress.js'
import {runTurbo} from './lib/turbo.js'
import {parseRedisUrl} from './lib/redis-url.js'
import type {WorkerOptions} from './commands/worker.js'
import {stageKeys} from './stages/index.js'
import {registerKbCommands} from './commands/kb.js'

const version = (JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as {version: string}).version

/** Where the user typed the command (pnpm runs root scripts from the root). */
const userCwd = process.env.INIT_CWD || process.cwd()

/** Options of `copydesk run`. */
interface RunOptions {
  input?: Array<string>
  out?: string
  format?: string
  config?: string
  force?: boolean
  kb?: string
  published?: string
  concurrency?: string
  queue?: string
  progress: boolean
}

async function readStdin(): Promise<string> {
  const chunks: Array<Buffer> = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const content = Buffer.concat(chunks)
  const folder = path.join(cacheDir(), 'stdin')
  fs.mkdirSync(folder, {recursive: true})
  const file = path.join(folder, `stdin-${sha256(content).slice(0, 16)}`)
  fs.writeFileSync(file, content)
  return file
}

function acquireLock(): () => void {
  fs.mkdirSync(workDir, {recursive: true})
  const lock = path.join(workDir, '.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), {flag: 'wx'})
      return () => fs.rmSync(lock, {force: true})
    } catch {
      const pid = Number(fs.readFileSync(lock, 'utf8'))
      let alive = false
      try {
        process.kill(pid, 0)
        alive = pid !== process.pid
      } catch {}
      if (alive) throw new UsageError(`Another pipeline run (pid ${pid}) is using ${workDir}; wait for it to finish`)
      fs.rmSync(lock, {force: true})
    }
  }

  throw new UsageError(`Cannot lock ${workDir}`)
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

/** Run the pipeline; resolves to the exit code. */
export async function run(options: RunOptions): Promise<number> {
  const started = performance.now()
  let config: ConfigFile = {top: {}, stages: {}}
  if (options.config) config = await loadConfig(path.resolve(userCwd, options.config), stageKeys)

  const inputOption = options.input ?? (config.top.input as Array<string> | undefined)
  let inputs = inputOption ? inputOption.map((p) => (p === '-' ? p : path.resolve(userCwd, p))) : [sampleCorpus]
  if (inputs.includes('-')) {
    const file = await readStdin()
    inputs = inputs.map((p) => (p === '-' ? file : p))
  }

  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`Input not found: ${input}`)
  }

  const formatValue = options.format ?? (config.top.format as string | undefined) ?? 'jsonl'
  let formats: Array<string>
  try {
    const {parseFormats} = await import('./stages/export.js')
    formats = await parseFormats(formatValue)
  } catch (error) {
    throw new UsageError(`--format: ${(error as Error).message}`)
  }

  const out = path.resolve(userCwd, options.out ?? (config.top.out as string | undefined) ?? 'out')
  const kbOption = options.kb ?? (config.top.kb as string | undefined)
  const kb = kbOption ? path.resolve(userCwd, kbOption) : null
  if (kb && !fs.existsSync(kb)) throw new UsageError(`--kb: file not found: ${kb}`)
  const published = options.published ?? (config.top.published as string | undefined)
  if (published !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(published)) {
    throw new UsageError(`--published: expected an ISO 8601 date, got \`${published}\``)
  }

  const release = acquireLock()
  try {
    const fingerprint = await fingerprintPaths(inputs)
    const stageConfigs: Record<StageName, Record<string, unknown>> = {
      ingest: {
        inputs,
        fingerprint: fingerprint.hash,
        options: {...(published ? {published} : {}), ...config.stages.ingest}
      },
      names: {options: {...config.stages.names}},
      dates: {options: {...config.stages.dates}},
      link: {
        kb,
        kbFingerprint: kb ? (await fingerprintPaths([kb])).hash : null,
        options: {...config.stages.link}
      },
      export: {formats, options: {...config.stages.export}}
    }
    const configJson = Object.fromEntries(
      stageNames.map((stage) => [stage, JSON.stringify(stageConfigs[stage])])
    ) as Record<StageName, string>
    const keys = chainKeys(configJson)
    const env: Record<string, string> = {COPYDESK_CACHE_DIR: cacheDir()}
    // --force re-runs every stage and bypasses the per-document caches
    // (results are still written to them). A nonce in the first stage's hash
    // makes turbo run the stages again without rebuilding the packages, as
    // `turbo --force` would.
    if (options.force) {
      env.COPYDESK_FORCE = '1'
      env.COPYDESK_FORCE_NONCE = `${Date.now()}-${process.pid}`
    }
    if (options.queue) {
      parseRedisUrl(options.queue)
      env.COPYDESK_QUEUE = options.queue
    }

    // Threads and queues change how fast, never what: not part of any hash.
    if (options.concurrency !== undefined) {
      const threads = Number(options.concurrency)
      if (!Number.isInteger(threads) || threads < 1) {
        throw new UsageError(`--concurrency: expected a whole number of threads, got \`${options.concurrency}\``)
      }

      env.COPYDESK_CONCURRENCY = String(threads)
    }
    for (const stage of stageNames) env[stageEnv(stage)] = configJson[stage]

    const view = new ProgressView(options.progress)
    const turbo = await runTurbo(env, (event) => view.update(event))
    view.stop()
    if (turbo.code !== 0) {
      process.stderr.write(`copydesk: a stage failed (turbo exited with ${turbo.code}); its last lines:\n`)
      for (const line of turbo.tail.slice(-20)) process.stderr.write(`  ${line}\n`)
      return 1
    }

    // Trust only manifests that carry this run's keys, and only the files they list.
    const manifests = {} as Record<StageName, Manifest>
    for (const stage of stageNames) {
      const manifest = readManifest(workDir, stage)
      if (!manifest || manifest.key !== keys[stage]) {
        process.stderr.write(`copydesk: the ${stage} stage output does not belong to this run (stale cache); re-run with --force\n`)
        return 1
      }

      manifests[stage] = manifest
    }

    const problems = checkManifestFiles(workDir, manifests.export)
    if (problems.length > 0) {
      process.stderr.write(`copydesk: export outputs are incomplete:\n  ${problems.join('\n  ')}\n`)
      return 1
    }

    fs.mkdirSync(out, {recursive: true})
    for (const entry of manifests.export.files) {
      const from = path.join(workDir, 'export', entry.name)
      const to = path.resolve(out, entry.name)
      // Names come from the manifest: never let one write outside --out.
      if (!to.startsWith(out + path.sep)) {
        process.stderr.write(`copydesk: refusing to write ${entry.name} outside ${out}\n`)
        return 1
      }

      fs.mkdirSync(path.dirname(to), {recursive: true})
      fs.copyFileSync(from, `${to}.tmp`)
      fs.renameSync(`${to}.tmp`, to)
    }

    const ingest = manifests.ingest.stats
    const lines: Array<string> = []
    const relative = path.relative(userCwd, out)
    const relativeOut = relative.startsWith('..') ? out : relative || '.'
    lines.push(
      `copydesk: ${ingest.read} documents read, ${ingest.processed} processed, ${ingest.failed} failed` +
        (ingest.duplicates ? `, ${ingest.duplicates} duplicates` : '')
    )
    const rows = stageNames.map((stage) => {
      const stats = manifests[stage].stats
      const fromTurbo = turbo.cachedStages.includes(stage)
      const failed = stage !== 'ingest' && stats.failed > 0 ? `, ${stats.failed} failed` : ''
      // Ingest counts every document read (failed ones too) as run or cached.
      const run = stage === 'ingest' ? stats.read - stats.cached : stats.processed
      return `  ${stage.padEnd(7)} ${fromTurbo ? 'turbo cache hit' : `${run} run, ${stats.cached} from cache`}${failed}${stats.threads ? ` on ${stats.threads} threads` : ''}${fromTurbo ? '' : `, ${formatMs(stats.ms)}`}`
    })
    lines.push(...rows)
    const cachedDocs = Math.min(...(['names', 'dates', 'link', 'export'] as const).map((s) => manifests[s].stats.cached))
    const allCached = turbo.cachedStages.length === stageNames.length
    lines.push(
      allCached
        ? `  all ${stageNames.length} stages from the turbo cache`
        : `  ${turbo.cachedStages.length} of ${stageNames.length} stages from the turbo cache; ${cachedDocs} documents from the per-document cache in every stage`
    )
    const warnings = Object.entries(manifests.export.stats.messages).sort((a, b) => b[1] - a[1])
    if (warnings.length > 0) lines.push(`  messages: ${warnings.map(([rule, n]) => `${rule} ${n}`).join(', ')}`)
    // One entry per top-level file or folder (the HTML report has a page per document).
    const shown = new Map<string, number>()
    for (const entry of manifests.export.files) {
      const top = entry.name.split('/')[0]
      shown.set(top, (shown.get(top) ?? 0) + 1)
    }

    const outputs = [...shown].map(([name, count]) =>
      count > 1 || manifests.export.files.every((f) => f.name !== name)
        ? `${path.join(relativeOut, name)}/ (${count} files)`
        : path.join(relativeOut, name)
    )
    lines.push(`  output: ${outputs.join(', ')}`)
    lines.push(`  time: ${formatMs(performance.now() - started)}`)
    process.stderr.write(lines.join('\n') + '\n')

    if (ingest.read === 0) {
      process.stderr.write(`copydesk: the input holds no documents (${inputs.join(', ')})\n`)
      return 1
    }

    const stageFailures = (['names', 'dates', 'link'] as const).reduce((sum, s) => sum + manifests[s].stats.failed, 0)
    if (stageFailures > 0) {
      process.stderr.write(
        `copydesk: a stage failed on ${stageFailures} document(s); they are in the output without that stage's data, with a \`stage-failed\` message\n`
      )
    }

    if (ingest.failed > 0) {
      process.stderr.write(
        `copydesk: ${ingest.failed} of ${ingest.read} documents failed; see ${path.join(relativeOut, 'errors.jsonl')}\n`
      )
    }

    return ingest.failed > 0 || stageFailures > 0 ? 1 : 0

  } finally {
    release()
  }
}

/** Build the command-line program. */
export function program(): Command {
  const cli = new Command('copydesk')
    .description('Turn a news corpus into clean, linked, dated data')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({writeErr: (text) => process.stderr.write(text)})

  cli
    .command('run')
    .description('run the pipeline (ingest, names, dates, link, export) as turbo tasks with caching')
    .option('-i, --input <path...>', 'files, folders or - for standard input (default: the bundled sample corpus)')
    .option('-o, --out <dir>', 'output folder (default: ./out)')
    .option('-f, --format <list>', 'comma-separated formats, or all (default: jsonl)')
    .option('-c, --config <file>', 'JSON config file with top-level options and one section per stage')
    .option('--kb <file>', 'SQLite knowledge base to link against (default: the embedded starter KB)')
    .option('--published <date>', 'publication date for documents that have none (ISO 8601)')
    .option('--concurrency <n>', 'worker threads per stage (default: the number of cores)')
    .option('--queue <url>', 'spread documents over workers through a BullMQ queue (redis://host:port)')
    .option('--force', 'ignore every cache and run all stages again')
    .addOption(new Option('--no-progress', 'no progress display'))
    .action(async (options: RunOptions) => {
      process.exitCode = await run(options)
    })

  cli
    .command('worker')
    .description('process documents from a BullMQ queue for runs started with --queue')
    .requiredOption('--queue <url>', 'the Redis URL (redis://host:port)')
    .option('--concurrency <n>', 'batches processed at once', '1')
    .action(async (options: WorkerOptions) => {
      parseRedisUrl(options.queue)
      const {runWorker} = await import('./commands/worker.js')
      process.exitCode = await runWorker(options)
    })

  registerKbCommands(cli)
  return cli
}

/** Entry point: parse argv and map errors to exit codes (2 for usage). */
export async function main(argv: ReadonlyArray<string>): Promise<number> {
  process.exitCode = 0
  try {
    await program().parseAsync([...argv], {from: 'user'})
    return Number(process.exitCode ?? 0)
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      return 2
    }

    if (error instanceof UsageError) {
      process.stderr.write(`copydesk: ${error.message}\n`)
      return 2
    }

    throw error
  }
}

