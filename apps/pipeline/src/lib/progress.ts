import cliProgress from 'cli-progress'
import type {ProgressEvent} from './progress-events.js'

/** Shows stage progress: a bar on a terminal, plain lines elsewhere (pipes, CI). */
export class ProgressView {
  readonly #interactive: boolean
  readonly #stream: NodeJS.WriteStream
  #bars: cliProgress.MultiBar | undefined
  readonly #byStage = new Map<string, cliProgress.SingleBar>()

  constructor(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream
    this.#interactive = enabled && stream.isTTY === true && !process.env.CI
    if (this.#interactive) {
      this.#bars = new cliProgress.MultiBar(
        {
          format: ' {stage} [{bar}] {value}/{total} documents',
          hideCursor: true,
          clearOnComplete: false,
          stream
        },
        cliProgress.Presets.shades_classic
      )
    }
    this.enabled = enabled
  }

  readonly enabled: boolean

  update(event: ProgressEvent): void {
    if (!this.enabled) return
    if (this.#bars) {
      let bar = this.#byStage.get(event.stage)
      const total = event.total ?? Math.max(event.done, 1)
      if (!bar) {
        bar = this.#bars.create(total, 0, {stage: event.stage.padEnd(7)})
        this.#byStage.set(event.stage, bar)
      }

      bar.setTotal(total)
      bar.update(event.done, {stage: event.stage.padEnd(7)})
    } else if (event.final) {
      this.#stream.write(`${event.stage}: ${event.done} documents\n`)
    }
  }

  stop(): void {
    this.#bars?.stop()
  }
}
