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
import type {DocumentRecord, RecordMessage} from '@copydesk/document'
import type {Piscina} from 'piscina'
import {DocumentCache, type CacheEntry} from './lib/cache.js'
import {sha256} from './lib/hash.js'
import {stageKey} from './lib/keys.js'
import {JsonlWriter, readLines, type LayerRecord} from './lib/layers.js'
import {readManifest, writeManifest, type Manifest, type StageStats} from './lib/manifest.js'
import {cacheDir, stageEnv, stageNames, workDir, type StageName} from './lib/paths.js'
import {progressReporter} from './lib/progress-events.js'
import {concurrency, createExecutor, rulesOf, startPool, threadBatchSize, type ExportTask, type Outcome} from './lib/executor.js'
import {codeVersion} from './lib/version.js'
import {documentStages, exportStage} from './stages/index.js'
import {recordJsonWithoutText, textJsonOf, withText} from './stages/record.js'
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
  // Each line's hash goes beside the layer: the stages after key their
  // per-document caches on it rather than hash the text again.
  const layer = new JsonlWriter(path.join(dir, 'layer.jsonl'), {lineHashes: true})
  const errors = new JsonlWriter(path.join(dir, 'errors.jsonl'))
  const report = progressReporter('ingest')
  const ids = new Map<string, number>()
  const inputs = config.inputs as Array<string>
  const {ingest} = await import('@copydesk/ingest')
  // Per-file cache: a file whose path, name and bytes were read before, with
  // this code and these options, is not parsed again.
  const cache = new DocumentCache(cacheDir(), 'ingest')
  const prefix = `${codeVersion(['@copydesk/ingest'])}\n${JSON.stringify(config.options)}\n`
  const force = Boolean(process.env.COPYDESK_FORCE)
  const documents = ingest(inputs, {
    ...config.options,
    // Files are parsed on worker threads too (`--concurrency`); output is the same.
    threads: concurrency(),
    cache: {
      get: (key) => (force ? undefined : cache.get(sha256(prefix + key))?.value),
      set: (key, value) => cache.set(sha256(prefix + key), value, '')
    }
  })
  let next
  while (!(next = await documents.next()).done) {
    const file = next.value
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
    // The text last: export takes its JSON from the line as it is (`splitIngestLine`).
    const record: IngestRecord = {id: data.id, data, messages, text: String(file.value)}
    await layer.write(record)
    report(stats.read)
  }

  cache.close()
  // Documents (failed ones included) from the per-file cache; `processed` stays
  // the count of documents read well, which the summary reports.
  stats.cached = next.value.cached
  report(stats.read, true)
  return [await layer.close(), await errors.close(), writeLineHashes(dir, layer)]
}

/** The sha256 of each line of a stage's layer, one per line. */
const hashesFile = 'hashes.txt'

/**
 * Write the hashes of a layer's lines beside it: the stages after key their
 * per-document caches on them rather than hash each line again (the text,
 * and the mentions, are most of the bytes).
 */
function writeLineHashes(dir: string, layer: JsonlWriter): Manifest['files'][number] {
  const hashes = Buffer.from(layer.lineHashes!.map((hash) => hash + '\n').join(''))
  fs.writeFileSync(path.join(dir, hashesFile), hashes)
  return {name: hashesFile, size: hashes.length, sha256: sha256(hashes)}
}

/**
 * Read the given layers in step (ingest first), as raw lines (parsed only
 * where needed), with the hash of each line.
 */
async function* readLayers(stages: ReadonlyArray<StageName>): AsyncGenerator<{lines: Array<string>; hashes: Array<string>}> {
  const files = stages.flatMap((stage) => [path.join(workDir, stage, 'layer.jsonl'), path.join(workDir, stage, hashesFile)])
  const iterators = files.map((file) => readLines(file))
  while (true) {
    const results = await Promise.all(iterators.map((iterator) => iterator.next()))
    if (results.every((result) => result.done)) return
    if (results.some((result) => result.done)) fail('stage layers are out of step: re-run with --force')
    const values = results.map((result) => result.value as string)
    yield {lines: values.filter((_, index) => index % 2 === 0), hashes: values.filter((_, index) => index % 2 === 1)}
  }
}

/** How a raw layer line's side facts for the corpus pass start (its last field; see `StageResult.corpus`). */
const sideKey = ',"corpus":'

/** A raw layer line's side facts, parsed; undefined when it has none. */
function sideFacts(line: string): unknown {
  const at = line.lastIndexOf(sideKey)
  return at === -1 ? undefined : JSON.parse(line.slice(at + sideKey.length, -1))
}

/** A raw layer line without its side facts. */
function withoutSide(line: string): string {
  const at = line.lastIndexOf(sideKey)
  return at === -1 ? line : line.slice(0, at) + '}'
}

function uncountMessages(stats: StageStats, messages: ReadonlyArray<RecordMessage>): void {
  for (const message of messages) stats.messages[message.ruleId] = (stats.messages[message.ruleId] ?? 0) - 1
}

/** Per-document cache key: the stage's code version and config, and the hashes of the document's layer lines. */
function documentKey(version: string, configJson: string, hashes: ReadonlyArray<string>): string {
  return createHash('sha256').update(`${version}\n${configJson}\n${hashes.join('\n')}`).digest('hex')
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
  const held = corpus && 'held' in corpus ? corpus : undefined
  const side = corpus && 'side' in corpus ? corpus : undefined
  // A held pass keeps the records itself: no raw layer then.
  const layer = held ? undefined : new JsonlWriter(path.join(dir, side ? 'layer.raw.jsonl' : 'layer.jsonl'), {lineHashes: !side})
  // Each document's side facts, in order, parsed once for both passes.
  const facts: Array<unknown> = []
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

  // First sight of a line: its messages are counted (a held pass's when it
  // gives its final records), and a corpus pass sees it (only its side facts,
  // for a side pass).
  const see = (line: string, rules: string): void => {
    if (held) return held.add(JSON.parse(line) as LayerRecord)
    if (side) {
      const info = sideFacts(line)
      side.side.add(info)
      facts.push(info)
    }

    countRules(stats, rules)
  }

  const write = async (entry: Entry): Promise<void> => {
    let line: string
    if ('hit' in entry) {
      line = entry.hit.value
      see(line, entry.hit.rules)
    } else {
      if (!entry.batch.outcomes) dispatch()
      const outcome = (await entry.batch.outcomes!)[entry.index]
      inFlight--
      line = outcome.line
      if (outcome.failed) stats.failed++
      else cache.set(entry.key, line, outcome.rules)
      see(line, outcome.rules)
    }

    await layer?.writeLine(line)
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
    for await (const {lines, hashes} of readLayers(sources)) {
      stats.read++
      const key = documentKey(version, configJson, hashes)
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

  let file = await layer?.close()
  // The writer of the final layer.jsonl, whose line hashes go beside it.
  let last = layer
  if (held) {
    const final = (last = new JsonlWriter(path.join(dir, 'layer.jsonl'), {lineHashes: true}))
    for (const record of held.held()) {
      countMessages(stats, record.messages)
      await final.write(record)
    }

    file = await final.close()
  } else if (side) {
    // Messages were counted in the first pass; a changed record is counted again.
    const final = (last = new JsonlWriter(path.join(dir, 'layer.jsonl'), {lineHashes: true}))
    let index = 0
    for await (const line of readLines(layer!.file)) {
      if (!side.side.changes(facts[index++])) {
        await final.writeLine(withoutSide(line))
      } else {
        const record = JSON.parse(line) as LayerRecord
        const applied = side.apply(record)
        uncountMessages(stats, record.messages)
        countMessages(stats, applied.messages)
        await final.write(applied)
      }
    }

    fs.rmSync(layer!.file)
    file = await final.close()
  }

  report(stats.read, true)
  if (!file || !last) throw new Error(`the ${name} stage wrote no layer`)
  const result: {files: Manifest['files']; info?: Record<string, unknown>} = {files: [file, writeLineHashes(dir, last)]}
  if (stage.info) result.info = await stage.info(config)
  return result
}

/**
 * A record known by its JSON, parsed only if a writer reads a field: the JSON
 * writers only ask for the JSON (given with `withRecordJson`).
 */
function lazyRecord(json: string): DocumentRecord {
  let parsed: DocumentRecord | undefined
  const record = (): DocumentRecord => (parsed ??= JSON.parse(json) as DocumentRecord)
  return new Proxy({} as DocumentRecord, {
    // `then` is asked by every `await` and async `yield` of the record: a
    // record is no promise, and answering must not parse it.
    get: (_, key) => (key === 'then' ? undefined : Reflect.get(record(), key)),
    has: (_, key) => Reflect.has(record(), key),
    ownKeys: () => Reflect.ownKeys(record()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(record(), key)
      if (descriptor) descriptor.configurable = true
      return descriptor
    }
  })
}

/**
 * The output records, in order. Each record's JSON is kept in a per-document
 * cache keyed by its four layer lines and the KB snapshot: an edited article
 * among thousands is the only record built again. On several threads, with
 * more than a batch to build, records are built and serialized on the pool.
 * The export writers reuse the JSON (`withRecordJson`); when every format is
 * JSON, this thread never parses a record.
 */
async function* records(stats: StageStats, formats: ReadonlyArray<string>): AsyncGenerator<DocumentRecord> {
  const total = readManifest(workDir, 'ingest')?.stats.processed
  const report = progressReporter('export', total)
  const kb = readManifest(workDir, 'link')?.info?.kb
  const {withRecordJson} = await import('@copydesk/export')
  // Other writers read fields, and the HTML one posts records to a thread of
  // its own (a proxy cannot be cloned): records are parsed for them.
  const lazy = formats.every((format) => format === 'jsonl' || format === 'json')
  const cache = new DocumentCache(cacheDir(), 'export')
  const version = `${codeVersion(['@copydesk/document'])}\n${JSON.stringify(kb ?? null)}`
  const force = Boolean(process.env.COPYDESK_FORCE)
  const threads = concurrency()
  let pool: Piscina | undefined
  interface Item {
    key: string
    lines: Array<string>
    made?: {json: string; rules: string}
  }
  let batch: Array<Item> = []
  let misses: Array<Item> = []
  const queue: Array<{items: Array<Item>; done?: Promise<void> | undefined}> = []
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return
    const items = batch
    const todo = misses
    batch = []
    misses = []
    if (!pool && threads > 1 && todo.length > 0 && (todo.length >= threadBatchSize || queue.length > 0)) pool = await startPool(threads)
    let done: Promise<void> | undefined
    if (pool && todo.length > 0) {
      const task: ExportTask = {export: true, kb, documents: todo.map((item) => item.lines)}
      done = (pool.run(task) as Promise<Array<{json: string; rules: string}>>).then((results) => {
        for (const [index, item] of todo.entries()) item.made = results[index]
      })
    }
    queue.push({items, done})
  }
  async function* take(): AsyncGenerator<DocumentRecord> {
    const {items, done} = queue.shift()!
    await done
    for (const item of items) {
      if (!item.made) {
        const {json, record} = recordJsonWithoutText(item.lines, kb)
        item.made = {json, rules: rulesOf(record.messages)}
      }
      // The cache and the pool keep records without their text: it is put back here.
      if (item.key) cache.set(item.key, item.made.json, item.made.rules)
      const json = withText(item.made.json, textJsonOf(item.lines[0]))
      countRules(stats, item.made.rules)
      stats.read++
      report(stats.read)
      yield withRecordJson(lazy ? lazyRecord(json) : (JSON.parse(json) as DocumentRecord), json)
    }
  }
  try {
    for await (const {lines, hashes} of readLayers(['ingest', 'names', 'dates', 'link'])) {
      const key = documentKey(version, '', hashes)
      const hit = force ? undefined : cache.get(key)
      if (hit) {
        stats.cached++
        batch.push({key: '', lines, made: {json: hit.value, rules: hit.rules}})
      } else {
        stats.processed++
        const item = {key, lines}
        batch.push(item)
        misses.push(item)
      }
      if (batch.length >= threadBatchSize) await dispatch()
      while (queue.length > threads * 2) yield* take()
    }
    await dispatch()
    while (queue.length > 0) yield* take()
  } finally {
    await pool?.destroy()
    cache.close()
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
    files = await exportStage.run(config, records(stats, Array.isArray(config.formats) ? (config.formats as Array<string>) : ['jsonl']), dir)
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
