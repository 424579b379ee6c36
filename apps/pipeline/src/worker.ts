/**
 * A worker thread of the stage pool: sets a stage up once per configuration
 * and processes the batches it is sent (raw layer lines, parsed here), sending
 * back serialized lines.
 */
import {processBatch, rulesOf, type ExportTask, type Outcome, type WorkerTask} from './lib/executor.js'
import {documentStages} from './stages/index.js'
import {recordJsonWithoutText} from './stages/record.js'
import type {StageConfig, StageDocument, StageResult} from './stages/types.js'

const prepared = new Map<string, Promise<(document: StageDocument) => Promise<StageResult>>>()

export default async function work(task: WorkerTask | ExportTask): Promise<Array<Outcome> | Array<{json: string; rules: string}>> {
  if ('export' in task) {
    // Without the text: the main thread has it, and puts it in.
    return task.documents.map((lines) => {
      const {json, record} = recordJsonWithoutText(lines, task.kb)
      return {json, rules: rulesOf(record.messages)}
    })
  }

  const key = `${task.stage}\n${task.configJson}`
  let process_ = prepared.get(key)
  if (!process_) {
    process_ = documentStages[task.stage].setup(JSON.parse(task.configJson) as StageConfig)
    prepared.set(key, process_)
  }

  return processBatch(task.stage, await process_, task.sources, task.documents)
}
