import os from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Piscina} from 'piscina'
import {toDocument, type Source} from '../stages/document.js'
import type {DocumentStage, StageConfig, StageDocument, StageResult} from '../stages/types.js'
import type {LayerRecord} from './layers.js'
import type {QueueExecutor} from './queue.js'

/** Runs a stage's per-document function, in this thread, on worker threads, or on queue workers. */
export interface Executor {
  /** Process one document, given the raw lines of its layers; `key` is its per-document cache key. */
  run(key: string, lines: Array<string>): Promise<LayerRecord>
  close(): Promise<void>
  /** How many documents may be in flight. */
  window: number
}

/** Task sent to a worker thread: raw lines, parsed there rather than here. */
export interface WorkerTask {
  stage: 'names' | 'dates' | 'link'
  configJson: string
  sources: Array<Source>
  lines: Array<string>
}

/** Documents per queue job. */
export const batchSize = 16

/** How many documents may be in flight, per thread, to keep the pool busy while output stays in order. */
export const windowPerThread = 8

/** The concurrency asked for (`--concurrency`), else the number of cores. */
export function concurrency(): number {
  const asked = Number(process.env.COPYDESK_CONCURRENCY)
  return Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism()
}

function record(document: StageDocument, result: StageResult): LayerRecord {
  return {id: document.id, data: result.data, messages: result.messages}
}

/**
 * An executor for a stage: on queue workers when a queue is given
 * (`--queue`), in this thread when the concurrency is 1, else on a piscina
 * pool of worker threads, each of which sets the stage up once. Each is
 * created on first use, so a run served from the cache pays nothing.
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
  const queue = process.env.COPYDESK_QUEUE
  if (queue) {
    let executor: QueueExecutor | undefined
    return {
      // Enough batches in flight to keep many workers busy.
      window: batchSize * 32,
      async run(key, lines) {
        if (!executor) {
          const {QueueExecutor} = await import('./queue.js')
          executor ??= new QueueExecutor(queue, name, configJson, version)
        }

        const document = toDocument(lines, sources)
        return record(document, await executor.run(key, document))
      },
      async close() {
        await executor?.close()
      }
    }
  }

  if (threads <= 1) {
    let process_: Promise<(document: StageDocument) => Promise<StageResult>> | undefined
    return {
      window: windowPerThread,
      async run(_key, lines) {
        process_ ??= stage.setup(config)
        const document = toDocument(lines, sources)
        return record(document, await (await process_)(document))
      },
      async close() {}
    }
  }

  let pool: Piscina | undefined
  return {
    window: threads * windowPerThread,
    async run(_key, lines) {
      if (!pool) {
        const {Piscina} = await import('piscina')
        pool ??= new Piscina({
          filename: fileURLToPath(new URL('../worker.js', import.meta.url)),
          minThreads: 1,
          maxThreads: threads,
          idleTimeout: 1000
        })
      }

      const task: WorkerTask = {stage: name, configJson, sources, lines}
      return (await pool.run(task)) as LayerRecord
    },
    async close() {
      await pool?.destroy()
    }
  }
}
