/**
 * Worker thread entry (dist/cli/write-worker.js): creates one document writer from the writers
 * table and writes the documents posted to it, one after another, answering each with its bytes.
 * See `thread.ts` for the other side.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {writers, type WriteResult} from './index.ts'
import {serializeError, type FromWorker, type ToWorker, type WorkerData} from './thread.ts'

const port = parentPort!
const {format, options} = workerData as WorkerData
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

const created = writers[format](options)
created.then(
  (writer) => send('write' in writer ? {kind: 'ready', extension: writer.extension} : {kind: 'unavailable', reason: writer.unavailable}),
  (error: unknown) => send({kind: 'failed', error: serializeError(error)})
)

/** Hand bytes over without a copy when they own their whole buffer. */
function transferable(bytes: Uint8Array | string | undefined): ArrayBuffer[] {
  const own = bytes !== undefined && typeof bytes !== 'string' && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  return own ? [bytes.buffer as ArrayBuffer] : []
}

let queue = Promise.resolve()
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    try {
      const writer = await created
      if (!('write' in writer)) throw new Error(writer.unavailable)
      if ('input' in message) {
        const result: WriteResult = await writer.write(message.input)
        send({kind: 'done', id: message.id, result}, transferable(result.bytes))
      } else {
        if (!writer.poster) throw new Error(`The .${format} writer draws no poster`)
        const files = await writer.poster(message.poster)
        send({kind: 'done', id: message.id, result: files}, [...transferable(files.pdf), ...transferable(files.png)])
      }
    } catch (error) {
      send({kind: 'done', id: message.id, error: serializeError(error)})
    }
  })
})
