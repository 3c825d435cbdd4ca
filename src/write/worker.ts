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

let queue = Promise.resolve()
port.on('message', ({id, input}: ToWorker) => {
  queue = queue.then(async () => {
    try {
      const writer = await created
      if (!('write' in writer)) throw new Error(writer.unavailable)
      const result: WriteResult = await writer.write(input)
      const {bytes} = result
      // Hand the bytes over without a copy when they own their whole buffer.
      const own = typeof bytes !== 'string' && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      send({kind: 'done', id, result}, own ? [bytes.buffer as ArrayBuffer] : [])
    } catch (error) {
      send({kind: 'done', id, error: serializeError(error)})
    }
  })
})
