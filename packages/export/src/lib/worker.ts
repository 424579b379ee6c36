/**
 * Worker thread of `exportRecords`: runs the writers of some formats (the
 * HTML report) next to the main thread, fed one record per message.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {DocumentRecord} from '@copydesk/document'
import type {Format, StagedFile} from './atomic.js'
import {createWriter, type ExportOptions} from './export.js'

/** Messages from the main thread. */
export type ToWorker = {type: 'record'; record: DocumentRecord} | {type: 'finish'} | {type: 'abort'}

/** Messages to the main thread. */
export type FromWorker =
  | {type: 'ack'}
  | {type: 'staged'; staged: Array<StagedFile>}
  | {type: 'aborted'}
  | {type: 'error'; message: string}

if (parentPort) {
  const port = parentPort
  const data = workerData as {formats: Array<Format>; options: ExportOptions}
  const writers = data.formats.map((format) => createWriter(format, data.options))
  let chain = Promise.resolve()
  let failed = false
  const post = (message: FromWorker) => {
    port.postMessage(message)
  }

  const handle = async (message: ToWorker) => {
    if (message.type === 'record') {
      if (failed) return
      for (const writer of writers) await writer.write(message.record)
      post({type: 'ack'})
    } else if (message.type === 'finish') {
      if (failed) throw new Error('Export worker failed earlier; not finishing')
      const staged: Array<StagedFile> = []
      for (const writer of writers) staged.push(...(await writer.finish()))
      post({type: 'staged', staged})
    } else {
      if (!failed) await Promise.all(writers.map((writer) => writer.abort().catch(() => {})))
      post({type: 'aborted'})
    }
  }

  port.on('message', (message: ToWorker) => {
    chain = chain
      .then(() => handle(message))
      .catch(async (error: unknown) => {
        if (!failed) {
          failed = true
          // Leave no temporary file behind, then tell the main thread.
          await Promise.all(writers.map((writer) => writer.abort().catch(() => {})))
        }

        post({type: 'error', message: error instanceof Error ? error.message : String(error)})
      })
  })
}
