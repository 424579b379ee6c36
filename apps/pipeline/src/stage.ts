/**
 * One stage of the pipeline, run by turbo as `node dist/stage.js <stage>`.
 *
 * Reads its configuration from `COPYDESK_STAGE_<STAGE>` (set by the CLI and
 * declared in turbo.json, so it is part of the task hash), reads the layers of
 * the stages before it from `.work/`, and writes its own layer and manifest.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {summarizeEntities, type DocumentRecord, type IngestData, type Mention, type RecordMessage} from '@copydesk/document'
import {DocumentCache, type CacheEntry} from './lib/cache.js'
import {sha256} from './lib/hash.js'
import {stageKey} from './lib/keys.js'
import {JsonlWriter, readJsonl, type LayerRecord} from './lib/layers.js'
import {readManifest, writeManifest, type Manifest, type StageStats} from './lib/manifest.js'
import {cacheDir, stageEnv, stageNames, workDir, type StageName} from './lib/paths.js'
import {progressReporter} from './lib/progress-events.js'
import {concurrency, createExecutor, type Outcome} from './lib/executor.js'
import {codeVersion} from './lib/version.js'
import {documentStages, exportStage} from './stages/index.js'
import type {StageConfig} from './stages/types.js'
import type {IngestRecord, Source} from './stages/document.js'


/** A line of the error report. */
export interface ErrorRecord {
  id: string
  path: string
  line?: number
  ruleId: string
  reason: string
}

function fail(message: string): never {
  process.stderr.write(`copydesk: ${message}\n`)
  process.exit(1)
}

function previous(stage: StageName): StageName | undefined {
  const index = stageNames.indexOf(stage)
  return index > 0 ? stageNames[index - 1] : undefined
}

function emptyStats(): StageStats {
  return {read: 0, processed: 0, cached: 0, failed: 0, messages: {}, ms: 0}
}

function countMessages(stats: StageStats, messages: ReadonlyArray<RecordMessage>): void {
  for (const message of messages) stats.messages[message.ruleId] = (stats.messages[message.ruleId] ?? 0) + 1
}

async function runIngest(config: StageConfig, dir: string, stats: StageStats): Promise<Manifest['files']> {
  const layer = new JsonlWriter(path.join(dir, 'layer.jsonl'))
  const errors = new JsonlWriter(path.join(dir, 'errors.jsonl'))
  const report = progressReporter('ingest')
  const ids = new Map<string, number>()
  const inputs = config.inputs as Array<string>
  const {ingest} = await import('@copydesk/ingest')
  // Files are parsed on worker threads too (`--concurrency`); output is the same.
  for await (const file of ingest(inputs, {...config.options, threads: concurrency()})) {
    stats.read++
    const data = file.data.ingest
    const fatal = file.messages.find((message) => message.fatal === true)
    if (!data || fatal) {
      stats.failed++
      const error: ErrorRecord = {
        id: data?.id ?? String(file.path),
        path: data?.source.path ?? String(file.path),
        ruleId: fatal?.ruleId ?? 'unreadable',
        reason: fatal?.reason ?? 'The document could not be read'
      }
      if (data?.source.line !== undefined) error.line = data.source.line
      await errors.write(error)
      continue
    }

    const messages = file.messages.map((message) => ({
      ruleId: message.ruleId ?? 'unknown',
      source: message.source ?? 'copydesk-ingest',
      reason: message.reason,
      severity: message.fatal === false ? ('warning' as const) : ('info' as const)
    }))
    // Ids join the outputs: keep them unique, and say so when one is repeated.
    const seen = ids.get(data.id) ?? 0
    ids.set(data.id, seen + 1)
    if (seen > 0) {
      const id = `${data.id}~${seen + 1}`
      messages.push({
        ruleId: 'duplicate-id',
        source: 'copydesk-pipeline',
        reason: `Id \`${data.id}\` is used by an earlier document; this one is \`${id}\``,
        severity: 'warning'
      })
      data.id = id
    }

    if (data.duplicateOf) stats.duplicates = (stats.duplicates ?? 0) + 1
    countMessages(stats, messages)
    stats.processed++
    const record: IngestRecord = {id: data.id, text: String(file.value), data, messages}
    await layer.write(record)
    report(stats.read)
  }

  report(stats.read, true)
  return [await layer.close(), await errors.close()]
}

/** Read the ingest layer and the given upstream layers in step, as raw lines (parsed only where needed). */
async function* readLayers(stages: ReadonlyArray<StageName>): AsyncGenerator<Array<string>> {
  const iterators = stages.map((stage) =>
    createInterface({input: fs.createReadStream(path.join(workDir, stage, 'layer.jsonl')), crlfDelay: Infinity})[Symbol.asyncIterator]()
  )
  while (true) {
    const results = await Promise.all(iterators.map((iterator) => iterator.next()))
    if (results.every((result) => result.done)) return
    if (results.some((result) => result.done)) fail('stage layers are out of step: re-run with --force')
    yield results.map((result) => result.value as string)
  }
}

/** Per-document cache key: the stage's code version and config, and the document's layers. */
function documentKey(version: string, configJson: string, lines: ReadonlyArray<string>): string {
  const hash = createHash('sha256').update(version).update('\n').update(configJson)
  for (const line of lines) hash.update('\n').update(line)
  return hash.digest('hex')
}

function countRules(stats: StageStats, rules: string): void {
  if (!rules) return
  for (const rule of rules.split(',')) stats.messages[rule] = (stats.messages[rule] ?? 0) + 1
}

async function runDocumentStage(
  name: 'names' | 'dates' | 'link',
  config: StageConfig,
  configJson: string,
  dir: string,
  stats: StageStats
): Promise<{files: Manifest['files']; info?: Record<string, unknown>}> {
  const stage = documentStages[name]
  const version = codeVersion(stage.packages) + (stage.version ? await stage.version(config) : '')
  const cache = new DocumentCache(cacheDir(), name)
  const total = readManifest(workDir, 'ingest')?.stats.processed
  const report = progressReporter(name, total)
  const sources: Array<Source> = ['ingest', ...stage.needs]
  const corpus = await stage.corpus?.(config)
  const layer = new JsonlWriter(path.join(dir, corpus ? 'layer.raw.jsonl' : 'layer.jsonl'))
  const executor = createExecutor(name, stage, config, configJson, concurrency(), version, sources)
  // Results are written in input order. Documents to do are gathered into
  // batches (for the pool or the queue); a window of them is in flight while
  // the oldest is awaited. A cache hit is written as the line it was stored
  // as, parsed only for a corpus pass.
  type Entry = {key: string; hit: CacheEntry} | {key: string; batch: Batch; index: number}
  interface Batch {
    keys: Array<string>
    documents: Array<Array<string>>
    outcomes?: Promise<Array<Outcome>>
  }
  const entries: Array<Entry> = []
  let head = 0
  let current: Batch | undefined
  let inFlight = 0
  const dispatch = (): void => {
    if (!current) return
    current.outcomes = executor.runBatch(current.keys, current.documents)
    current = undefined
  }

  const write = async (entry: Entry): Promise<void> => {
    let line: string
    if ('hit' in entry) {
      line = entry.hit.value
      if (corpus) corpus.add(JSON.parse(line) as LayerRecord)
      else countRules(stats, entry.hit.rules)
    } else {
      if (!entry.batch.outcomes) dispatch()
      const outcome = (await entry.batch.outcomes!)[entry.index]
      inFlight--
      line = outcome.line
      if (outcome.failed) stats.failed++
      else cache.set(entry.key, line, outcome.rules)
      if (corpus) corpus.add(JSON.parse(line) as LayerRecord)
      else countRules(stats, outcome.rules)
    }

    await layer.writeLine(line)
    report(stats.cached + stats.processed - inFlight)
  }

  const drain = async (all: boolean): Promise<void> => {
    while (head < entries.length) {
      const entry = entries[head]
      // A document still being done is awaited only when too many are in
      // flight, or too many finished ones wait behind it.
      if (!all && !('hit' in entry) && inFlight <= executor.window && entries.length - head <= 4 * executor.window + 1024) break
      entries[head++] = undefined as unknown as Entry
      await write(entry)
    }

    if (head > 4096) {
      entries.splice(0, head)
      head = 0
    }
  }

  try {
    for await (const lines of readLayers(sources)) {
      stats.read++
      const key = documentKey(version, configJson, lines)
      const hit = process.env.COPYDESK_FORCE ? undefined : cache.get(key)
      if (hit) {
        stats.cached++
        entries.push({key, hit})
      } else {
        stats.processed++
        current ??= {keys: [], documents: []}
        entries.push({key, batch: current, index: current.keys.length})
        current.keys.push(key)
        current.documents.push(lines)
        inFlight++
        if (current.keys.length >= executor.batch) dispatch()
      }

      await drain(false)
    }

    dispatch()
    await drain(true)
  } finally {
    if (executor.threads() > 0) stats.threads = executor.threads()
    await executor.close()
    cache.close()
  }

  let file = await layer.close()
  if (corpus) {
    const final = new JsonlWriter(path.join(dir, 'layer.jsonl'))
    for await (const record of readJsonl<LayerRecord>(layer.file)) {
      const applied = corpus.apply(record)
      countMessages(stats, applied.messages)
      await final.write(applied)
    }

    fs.rmSync(layer.file)
    file = await final.close()
  }

  report(stats.read, true)
  const result: {files: Manifest['files']; info?: Record<string, unknown>} = {files: [file]}
  if (stage.info) result.info = await stage.info(config)
  return result
}

async function* records(stats: StageStats): AsyncGenerator<DocumentRecord> {
  const total = readManifest(workDir, 'ingest')?.stats.processed
  const report = progressReporter('export', total)
  const kb = readManifest(workDir, 'link')?.info?.kb
  for await (const lines of readLayers(['ingest', 'names', 'dates', 'link'])) {
    const [base, names, dates, links] = lines.map((line) => JSON.parse(line)) as [IngestRecord, LayerRecord, LayerRecord, LayerRecord]
    const data = base.data
    const entities = (links.data as {entities?: Record<string, Mention['entity']>} | null)?.entities ?? {}
    const mentions: Array<Mention> = ((names.data as {mentions?: Array<Omit<Mention, 'entity'>>} | null)?.mentions ?? []).map(
      (mention) => ({...mention, entity: entities[mention.id] ?? null})
    )
    const messages = [...base.messages, ...names.messages, ...dates.messages, ...links.messages]
    countMessages(stats, messages)
    const record: DocumentRecord = {
      id: data.id,
      title: data.title,
      url: data.url,
      outlet: data.outlet,
      published: data.published,
      text: base.text,
      excluded: data.excluded,
      mentions,
      dates: (dates.data as {dates?: DocumentRecord['dates']} | null)?.dates ?? [],
      entities: summarizeEntities(mentions, data.title),
      messages,
      authors: data.authors,
      language: data.language,
      source: data.source
    }
    if (data.publishedSource) record.publishedSource = data.publishedSource
    if (data.duplicateOf !== undefined) record.duplicateOf = data.duplicateOf
    if (typeof kb === 'string') record.kb = kb
    stats.read++
    stats.processed++
    report(stats.read)
    yield record
  }

  report(stats.read, true)
}

async function main(): Promise<void> {
  const name = process.argv[2] as StageName
  if (!stageNames.includes(name)) fail(`unknown stage \`${String(name)}\`, expected one of ${stageNames.join(', ')}`)
  const configJson = process.env[stageEnv(name)]
  if (!configJson) fail(`no configuration in ${stageEnv(name)}: run stages through \`pnpm pipeline run\``)
  const config = JSON.parse(configJson) as StageConfig
  const before = previous(name)
  const upstream = before ? readManifest(workDir, before) : undefined
  if (before && !upstream) fail(`the ${before} stage left no manifest: re-run with --force`)
  const key = stageKey(configJson, upstream?.key ?? '')
  const dir = path.join(workDir, name)
  // Turbo never deletes stale outputs: start from an empty folder.
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir, {recursive: true})
  const stats = emptyStats()
  const start = performance.now()
  let files: Manifest['files']
  let info: Record<string, unknown> | undefined
  if (name === 'ingest') {
    files = await runIngest(config, dir, stats)
  } else if (name === 'export') {
    files = await exportStage.run(config, records(stats), dir)
    // The error report travels with the outputs.
    fs.copyFileSync(path.join(workDir, 'ingest', 'errors.jsonl'), path.join(dir, 'errors.jsonl'))
    const errors = fs.readFileSync(path.join(dir, 'errors.jsonl'))
    files.push({name: 'errors.jsonl', size: errors.length, sha256: sha256(errors)})
    const ingestStats = readManifest(workDir, 'ingest')?.stats
    stats.failed = ingestStats?.failed ?? 0
    info = {formats: config.formats}
  } else {
    const result = await runDocumentStage(name, config, configJson, dir, stats)
    files = result.files
    info = result.info
  }

  stats.ms = Math.round(performance.now() - start)
  stats.maxRss = process.resourceUsage().maxRSS * 1024
  const manifest: Manifest = {stage: name, key, files, stats}
  if (info) manifest.info = info
  writeManifest(workDir, manifest)
}

await main()
