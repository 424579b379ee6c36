import {setTimeout as sleep} from 'node:timers/promises'
import {Queue, type Job} from 'bullmq'
import type {StageDocument, StageResult} from '../stages/types.js'
import {sha256} from './hash.js'
import {batchSize} from './executor.js'
import {parseRedisUrl} from './redis-url.js'

/** Name of the BullMQ queue the pipeline and its workers share. */
export const queueName = 'copydesk-documents'


/** Attempts of a job before it is taken as failed (a killed worker's job is retried, not failed). */
export const attempts = 3

/** Data of one job: a batch of documents for one stage. */
export interface BatchJob {
  stage: 'names' | 'dates' | 'link'
  configJson: string
  /** Code version of the stage on the submitting side; a worker with other code refuses the job. */
  version: string
  documents: Array<StageDocument>
}

/** Result of a job: one result per document, in order. */
export type BatchResult = Array<StageResult>

/** A document waiting for its result. */
interface Pending {
  key: string
  document: StageDocument
  resolve: (result: StageResult) => void
  reject: (error: Error) => void
}

/**
 * Sends a stage's documents to the queue in batches and resolves each
 * document's result. Batches are keyed by the hash of their documents' cache
 * keys, so a batch already done by any worker (its result is kept in Redis)
 * is not done again. A batch that fails after its attempts is split into
 * single documents, so a poison document fails alone.
 */
export class QueueExecutor {
  readonly #queue: Queue<BatchJob, BatchResult>
  readonly #stage: BatchJob['stage']
  readonly #configJson: string
  readonly #version: string
  #pending: Array<Pending> = []
  #timer: NodeJS.Timeout | undefined

  constructor(url: string, stage: BatchJob['stage'], configJson: string, version: string) {
    this.#queue = new Queue<BatchJob, BatchResult>(queueName, {connection: parseRedisUrl(url)})
    this.#stage = stage
    this.#configJson = configJson
    this.#version = version
  }

  /** Queue one document; resolves to its result. */
  run(key: string, document: StageDocument): Promise<StageResult> {
    return new Promise((resolve, reject) => {
      this.#pending.push({key, document, resolve, reject})
      if (this.#pending.length >= batchSize) this.#flush()
      else if (!this.#timer) this.#timer = setTimeout(() => this.#flush(), 20)
    })
  }

  #flush(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const batch = this.#pending
    this.#pending = []
    if (batch.length > 0) void this.#submit(batch)
  }

  /** Run a batch; settle each of its documents. */
  async #submit(batch: Array<Pending>): Promise<void> {
    const id = `${this.#stage}-${sha256(batch.map((item) => item.key).join('\n')).slice(0, 40)}`
    const data: BatchJob = {
      stage: this.#stage,
      configJson: this.#configJson,
      version: this.#version,
      documents: batch.map((item) => item.document)
    }
    const outcome = await this.#await(id, data)
    if (outcome.ok) {
      for (const [index, item] of batch.entries()) item.resolve(outcome.result[index])
    } else if (batch.length === 1) {
      batch[0].reject(new Error(outcome.reason))
    } else {
      // Split: each document on its own, so only the poison one fails.
      await Promise.all(batch.map(async (item) => this.#submit([item])))
    }
  }

  /** Add the job unless it exists, then poll until it completes or fails for good. */
  async #await(id: string, data: BatchJob): Promise<{ok: true; result: BatchResult} | {ok: false; reason: string}> {
    let added = false
    for (;;) {
      let job: Job<BatchJob, BatchResult> | undefined
      try {
        job = await this.#queue.getJob(id)
        if (!job) {
          // New, or lost with a Redis that restarted without its data: (re)add it.
          job = await this.#queue.add(this.#stage, data, {
            jobId: id,
            attempts,
            backoff: {type: 'fixed', delay: 200},
            removeOnComplete: {age: 7 * 24 * 3600},
            removeOnFail: {age: 24 * 3600}
          })
          added = true
        }

        const state = await job.getState()
        if (state === 'completed') {
          const fresh = await this.#queue.getJob(id)
          if (fresh?.returnvalue) return {ok: true, result: fresh.returnvalue}
        } else if (state === 'failed') {
          if (!added) {
            // A failure left by an earlier run: give it fresh attempts.
            await job.remove()
            continue
          }

          return {ok: false, reason: job.failedReason || 'the job failed'}
        }
      } catch {
        // Redis unreachable (restarting): keep polling; the client reconnects.
      }

      await sleep(50)
    }
  }

  async close(): Promise<void> {
    await this.#queue.close()
  }
}
