/**
 * A worker thread of the stage pool: sets a stage up once per configuration
 * and processes the documents it is sent (as raw layer lines, parsed here).
 */
import type {WorkerTask} from './lib/executor.js'
import type {LayerRecord} from './lib/layers.js'
import {toDocument} from './stages/document.js'
import {documentStages} from './stages/index.js'
import type {StageConfig, StageDocument, StageResult} from './stages/types.js'

const prepared = new Map<string, Promise<(document: StageDocument) => Promise<StageResult>>>()

export default async function work(task: WorkerTask): Promise<LayerRecord> {
  const key = `${task.stage}\n${task.configJson}`
  let process_ = prepared.get(key)
  if (!process_) {
    process_ = documentStages[task.stage].setup(JSON.parse(task.configJson) as StageConfig)
    prepared.set(key, process_)
  }

  const document = toDocument(task.lines, task.sources)
  const result = await (await process_)(document)
  return {id: document.id, data: result.data, messages: result.messages}
}
