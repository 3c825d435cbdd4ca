/**
 * Who may use the server.
 *
 * - `Host` must name this server (a loopback name, or the `--host` given): a page on another site
 *   that rebinds its own name to 127.0.0.1 (DNS rebinding) gets 403.
 * - A request that changes anything (every method but GET/HEAD) must carry an `Origin` equal to
 *   this server's own origin and the header `X-Policy-Press: 1`, which a form on another site
 *   cannot send and a cross-site script can only send after a CORS preflight we never grant: 403.
 *   A GET with a foreign `Origin` or `Sec-Fetch-Site: cross-site` is refused too.
 * - Beyond loopback a secret is required: the token printed at start, opened once as `/?token=…`,
 *   is then kept in an `HttpOnly`, `SameSite=Strict` cookie; without it every request gets 401.
 */
import {timingSafeEqual} from 'node:crypto'
import type {MiddlewareHandler} from 'hono'
import {getCookie, setCookie} from 'hono/cookie'

export const tokenCookie = 'policy_press_token'
export const csrfHeader = 'x-policy-press'

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]', '::1']

export function isLoopback(host: string): boolean {
  return loopbackNames.includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host)
}

export interface GuardOptions {
  /** The address the server listens on (`--host`). */
  host: string
  /** Required secret when listening beyond loopback. */
  token?: string
}

/** Host names (without port) a request may address. */
function allowedHostnames(host: string): Set<string> | 'any' {
  // Listening on every interface: the names are not known; the token guards instead.
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return 'any'
  const names = new Set(loopbackNames)
  names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)
  return names
}

function hostnameOf(hostHeader: string): string {
  const bracket = /^(\[[^\]]+\])(?::\d+)?$/.exec(hostHeader)
  if (bracket) return bracket[1]!.toLowerCase()
  return hostHeader.replace(/:\d+$/, '').toLowerCase()
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export function guard(options: GuardOptions): MiddlewareHandler {
  const hostnames = allowedHostnames(options.host)
  return async (c, next) => {
    const hostHeader = c.req.header('host') ?? new URL(c.req.url).host
    if (!hostHeader || (hostnames !== 'any' && !hostnames.has(hostnameOf(hostHeader)))) {
      return c.json({error: {message: `拒绝访问：地址 ${hostHeader || '（空）'} 不是本服务的地址`, hint: '请用启动时显示的地址打开页面。'}}, 403)
    }
    const origin = c.req.header('origin')
    const ownOrigin = `${new URL(c.req.url).protocol}//${hostHeader}`
    const changes = c.req.method !== 'GET' && c.req.method !== 'HEAD'
    const crossSite = c.req.header('sec-fetch-site') === 'cross-site'
    if ((origin !== undefined && origin !== ownOrigin) || crossSite || (changes && (origin === undefined || c.req.header(csrfHeader) !== '1'))) {
      return c.json({error: {message: '拒绝访问：请求不是从本服务的页面发出的', hint: '请在 policy-press serve 打开的页面里操作。'}}, 403)
    }
    if (options.token !== undefined) {
      const offered = c.req.query('token')
      if (offered !== undefined && c.req.method === 'GET' && same(offered, options.token)) {
        setCookie(c, tokenCookie, options.token, {httpOnly: true, sameSite: 'Strict', path: '/'})
        const url = new URL(c.req.url)
        url.searchParams.delete('token')
        return c.redirect(url.pathname + url.search, 303)
      }
      const cookie = getCookie(c, tokenCookie)
      if (cookie === undefined || !same(cookie, options.token)) {
        const message = '需要口令：请用启动时显示的完整地址（带 ?token=…）打开页面'
        const hint = '口令在运行 policy-press serve 的窗口里显示，请向启动它的人索取完整地址。'
        if (c.req.header('accept')?.includes('text/html')) {
          return c.html(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>需要口令</title><h1>${message}</h1><p>${hint}</p></html>`, 401)
        }
        return c.json({error: {message, hint}}, 401)
      }
    }
    await next()
  }
}
