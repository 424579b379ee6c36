import os from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Piscina} from 'piscina'
import type {RecordMessage} from '@copydesk/document'
import {toDocument, type Source} from '../stages/document.js'
import type {DocumentStage, StageConfig, StageDocument, StageResult} from '../stages/types.js'
import type {LayerRecord} from './layers.js'
import type {QueueExecutor} from './queue.js'

/**
 * What a stage made of one document: its layer line, serialized where it was
 * made (a worker thread sends back a string, not an object to clone), and the
 * rule ids of its messages, to count without parsing.
 */
export interface Outcome {
  line: string
  rules: string
  /** The stage threw on this document: the line says so, and it is not cached. */
  failed?: true
}

/** Runs a stage's per-document function on batches: in this thread, on worker threads, or on queue workers. */
export interface Executor {
  /**
   * Process documents, given their per-document cache keys and the raw lines
   * of their layers; one outcome per document, in order.
   */
  runBatch(keys: Array<string>, documents: Array<Array<string>>): Promise<Array<Outcome>>
  close(): Promise<void>
  /** Documents per batch. */
  batch: number
  /** How many documents may be in flight. */
  window: number
  /** Worker threads started (0: none). */
  threads(): number
}

/** Task sent to a worker thread: raw lines, parsed there rather than here. */
export interface WorkerTask {
  stage: 'names' | 'dates' | 'link'
  configJson: string
  sources: Array<Source>
  documents: Array<Array<string>>
}

/** Task of the export stage: the four layer lines of each document; the worker sends back each record's JSON. */
export interface ExportTask {
  export: true
  kb: unknown
  documents: Array<Array<string>>
}

/** Documents per queue job. */
export const batchSize = 16

/**
 * Documents per batch on worker threads: large enough that a message costs
 * little next to the work, small enough to spread a small corpus. A stage
 * with fewer documents to do than one batch does them in this thread and
 * never starts a pool (an edited article among thousands costs no thread
 * start-up).
 */
export const threadBatchSize = 32

/** A pool of `threads` stage worker threads (`worker.ts`), for document batches and export records. */
export async function startPool(threads: number): Promise<Piscina> {
  const {Piscina} = await import('piscina')
  return new Piscina({
    filename: fileURLToPath(new URL('../worker.js', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000
  })
}

/** The concurrency asked for (`--concurrency`), else the number of cores. */
export function concurrency(): number {
  const asked = Number(process.env.COPYDESK_CONCURRENCY)
  return Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism()
}

/** The rule ids of messages, as the per-document cache keeps them. */
export function rulesOf(messages: ReadonlyArray<RecordMessage>): string {
  return messages.map((message) => message.ruleId).join(',')
}

/** The outcome of a document the stage processed. */
export function outcomeOf(document: StageDocument, result: StageResult): Outcome {
  const record: LayerRecord = {id: document.id, data: result.data, messages: result.messages}
  // Last, so that the corpus pass finds it at the end of the line.
  if (result.corpus !== undefined) record.corpus = result.corpus
  return {line: JSON.stringify(record), rules: rulesOf(result.messages)}
}

/**
 * The outcome of a document the stage threw on: one document that breaks a
 * stage must not stop the corpus; it goes on without this stage's data, with
 * an error message.
 */
export function failedOutcome(name: string, lines: ReadonlyArray<string>, error: unknown): Outcome {
  let id: string
  try {
    id = (JSON.parse(lines[0]) as {id: string}).id
  } catch {
    id = 'unknown'
  }

  const messages: Array<RecordMessage> = [
    {
      ruleId: 'stage-failed',
      source: 'copydesk-pipeline',
      reason: `The ${name} stage failed on this document: ${error instanceof Error ? error.message : String(error)}`,
      severity: 'error'
    }
  ]
  return {line: JSON.stringify({id, data: null, messages}), rules: rulesOf(messages), failed: true}
}

/** Run a prepared stage function on a batch of documents, each failing alone. */
export async function processBatch(
  name: string,
  run: (document: StageDocument) => Promise<StageResult>,
  sources: ReadonlyArray<Source>,
  documents: ReadonlyArray<ReadonlyArray<string>>
): Promise<Array<Outcome>> {
  const outcomes: Array<Outcome> = []
  for (const lines of documents) {
    try {
      const document = toDocument(lines, sources)
      outcomes.push(outcomeOf(document, await run(document)))
    } catch (error) {
      outcomes.push(failedOutcome(name, lines, error))
    }
  }

  return outcomes
}

/**
 * An executor for a stage: on queue workers when a queue is given
 * (`--queue`), else on a piscina pool of worker threads, each of which sets
 * the stage up once, when the concurrency is above 1 and there is at least a
 * full batch to do; else in this thread. Each is created on first use, so a
 * run served from the cache pays nothing.
 */
export function createExecutor(
  name: 'names' | 'dates' | 'link',
  stage: DocumentStage,
  config: StageConfig,
  configJson: string,
  threads: number,
  version: string,
  sources: Array<Source>
): Executor {
  let local: Promise<(document: StageDocument) => Promise<StageResult>> | undefined
  const runLocal = async (_keys: Array<string>, documents: Array<Array<string>>): Promise<Array<Outcome>> => {
    local ??= stage.setup(config)
    return processBatch(name, await local, sources, documents)
  }

  const queue = process.env.COPYDESK_QUEUE
  if (queue) {
    let executor: QueueExecutor | undefined
    return {
      batch: batchSize,
      // Enough batches in flight to keep many workers busy.
      window: batchSize * 32,
      async runBatch(keys, documents) {
        if (!executor) {
          const {QueueExecutor} = await import('./queue.js')
          executor ??= new QueueExecutor(queue, name, configJson, version)
        }

        return Promise.all(
          documents.map(async (lines, index) => {
            try {
              const document = toDocument(lines, sources)
              return outcomeOf(document, await executor!.run(keys[index], document))
            } catch (error) {
              return failedOutcome(name, lines, error)
            }
          })
        )
      },
      threads: () => 0,
      async close() {
        await executor?.close()
      }
    }
  }

  if (threads <= 1) {
    return {batch: threadBatchSize, window: threadBatchSize, runBatch: runLocal, threads: () => 0, async close() {}}
  }

  // The promise is kept, not the pool: batches are dispatched without
  // waiting, and each must find the one pool being started.
  let pool: Promise<Piscina> | undefined
  return {
    batch: threadBatchSize,
    // Two batches per thread: one running, one waiting, while the oldest is written.
    window: threads * threadBatchSize * 2,
    async runBatch(keys, documents) {
      if (!pool && documents.length < threadBatchSize) return runLocal(keys, documents)
      pool ??= startPool(threads)
      const task: WorkerTask = {stage: name, configJson, sources, documents}
      return (await (await pool).run(task)) as Array<Outcome>
    },
    threads: () => (pool ? threads : 0),
    async close() {
      await (await pool)?.destroy()
    }
  }
}
