/** `policy-press serve [folder]`: the toolkit as a local web page over a workspace folder. */
import path from 'node:path'
import {UserError} from '../../errors.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const {startServer} = await import('../../serve/index.ts')
  const {isLoopback} = await import('../../serve/guard.ts')
  const folder = path.resolve(io.cwd, args.positionals[0] ?? '.')
  const portText = (args.options.port as string | undefined) ?? '4173'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UserError(`选项 --port 的值 "${portText}" 不对：端口是 0 到 65535 之间的整数`, {hint: '例如 --port 4173；不写时用 4173；0 表示任选一个空闲端口。'})
  }
  const host = (args.options.host as string | undefined) ?? '127.0.0.1'
  let server
  try {
    server = await startServer({root: folder, port, host})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UserError(`端口 ${port} 已被占用（可能已经有一个 policy-press serve 在运行）`, {hint: `换一个端口，例如 --port ${port + 1}；或关掉正在运行的那一个。`, cause: error})
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`无法在地址 ${host} 上监听：本机没有这个地址`, {hint: '不写 --host 时只在本机（127.0.0.1）上打开；要让局域网访问，写本机的局域网地址或 0.0.0.0。', cause: error})
    if (code === 'EACCES') throw new UserError(`没有权限使用端口 ${port}`, {hint: '1024 以下的端口需要管理员权限，请换一个端口，例如 --port 4173。', cause: error})
    throw error
  }
  io.stdout(
    [
      `policy-press 已启动，工作文件夹：${folder}`,
      `在浏览器里打开：${server.url}`,
      ...server.lanUrls.map((url) => `局域网里的电脑打开：${url}`),
      isLoopback(host) ? '（只有本机可以访问。）' : '（局域网里的其他电脑也可以访问：请只把带口令的完整地址发给需要的人。）',
      '按 Ctrl+C 停止。'
    ].join('\n') + '\n'
  )
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void server.close().then(resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  return 0
}
