/** Prefix of the progress lines a stage prints for the CLI, which reads them through turbo. */
export const progressPrefix = '::copydesk::'

/** A progress event. */
export interface ProgressEvent {
  stage: string
  done: number
  total?: number
  final?: boolean
}

/** Make a throttled progress reporter for a stage. */
export function progressReporter(stage: string, total?: number): (done: number, final?: boolean) => void {
  let last = 0
  return (done, final) => {
    const now = Date.now()
    if (!final && now - last < 200) return
    last = now
    const event: ProgressEvent = {stage, done}
    if (total !== undefined) event.total = total
    if (final) event.final = true
    process.stdout.write(`${progressPrefix}${JSON.stringify(event)}\n`)
  }
}
