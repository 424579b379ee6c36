import {toRecordMessage} from '@copydesk/document'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import type {DataMap} from 'vfile'
import type {StageDocument, StageResult} from './types.js'

/** The part of a unified processor that a stage uses. */
export interface TextProcessor {
  parse(file: VFile): Node
  run(tree: Node, file: VFile): Promise<Node>
}

/**
 * Run a retext processor on one document: the text is parsed once, the
 * upstream layers are put back on `file.data`, and what the plugin leaves
 * under `key` is the stage's result, with its messages.
 */
export async function runPlugin<Key extends 'names' | 'dates' | 'links'>(
  processor: TextProcessor,
  document: StageDocument,
  key: Key,
  fallback: DataMap[Key]
): Promise<StageResult<DataMap[Key]>> {
  const file = new VFile({value: document.text, path: document.ingest.source.path})
  file.data.ingest = document.ingest
  if (document.names) file.data.names = document.names
  if (document.dates) file.data.dates = document.dates
  if (document.links) file.data.links = document.links
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return {
    data: (file.data[key] as DataMap[Key] | undefined) ?? fallback,
    messages: file.messages.map((message) => toRecordMessage(message))
  }
}

/**
 * A unified parser that yields an empty retext tree. The copydesk plugins read
 * `String(file)`, not the tree, and parsing with `retext-english` would cost a
 * stage more than the plugin itself.
 */
export function textOnly(this: {parser: unknown}): undefined {
  this.parser = (): Node => ({type: 'RootNode', children: []}) as Node
}
