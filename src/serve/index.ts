/**
 * Start `policy-press serve`: the web application (app.ts) on a Node HTTP server, listening on
 * the loopback address unless told otherwise. Beyond loopback a token is generated (or given)
 * and is part of the address printed for people to open.
 */
import {randomBytes} from 'node:crypto'
import type {AddressInfo} from 'node:net'
import {networkInterfaces} from 'node:os'
import {serve} from '@hono/node-server'
import {createApp, type AppOptions} from './app.ts'
import {isLoopback} from './guard.ts'

export interface ServeOptions extends Omit<AppOptions, 'token'> {
  /** Port; 0 picks a free one. Default 4173. */
  port?: number
  /** Token to require beyond loopback; default a random one. Ignored on loopback. */
  token?: string
}

export interface RunningServer {
  /** The address to open, with `?token=…` when one is required. */
  url: string
  /** On every interface (`0.0.0.0`): the same address with each of this machine's LAN addresses. */
  lanUrls: string[]
  port: number
  close: () => Promise<void>
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = isLoopback(host) ? undefined : (options.token ?? randomBytes(18).toString('base64url'))
  const app = createApp({...options, host, token})
  return new Promise((resolve, reject) => {
    const server = serve({fetch: app.fetch, port: options.port ?? 4173, hostname: host}, (info: AddressInfo) => {
      const wildcard = host === '0.0.0.0' || host === '::'
      const shownHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
      const address = (name: string) => `http://${name}:${info.port}/${token ? `?token=${token}` : ''}`
      const lan = Object.values(networkInterfaces())
        .flat()
        .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
        .map((entry) => entry!.address)
      resolve({
        url: address(shownHost),
        lanUrls: wildcard ? lan.map(address) : [],
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            ;(server as unknown as {closeAllConnections?: () => void}).closeAllConnections?.()
          })
      })
    })
    server.once('error', reject)
  })
}
