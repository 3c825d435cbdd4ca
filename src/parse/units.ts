/**
 * Responsibility lists: finding `（责任单位：…）` and its other forms at the end of a clause, and
 * splitting the list into unit names. Shared with the checks.
 */

export interface UnitListEntry {
  /** The name as written (trimmed). */
  written: string
  /** Offset of `written` in the text given to `splitUnitList`. */
  offset: number
  /** Written in brackets after another unit: `区财政局（区国资办）`. */
  nested: boolean
  /** Set only when the source names roles (`牵头单位：…配合单位：…`, `A牵头，B配合`). */
  role?: 'lead' | 'support'
}

export interface UnitListProblem {
  /**
   * `empty-entry`: two separators with nothing between (`区A、、区B`);
   * `unbalanced-bracket`: a bracket without its pair;
   * `stray-separator`: a separator at the start or end of the list (`区A、区B、`).
   */
  kind: 'empty-entry' | 'unbalanced-bracket' | 'stray-separator'
  offset: number
  text: string
}

const separators = new Set(['、', '，', ',', '；', ';'])
const open = new Set(['（', '('])
const close = new Set(['）', ')'])

/** Endings of unit names; a bracketed phrase without one (`（街道）`) belongs to the name before it. */
const unitEnding = /(?:局|办|部|委|院|会|中心|公司|集团|所|队|行|团|站|处|室|社|馆|厅|联|署|庭|组|科|台|校|府|区|镇|街道|分局|银行|公安|法院|检察院|总工会|妇联|团委|工商联|科协|企业)$/

/** A collective phrase such as `各区、县级市` or `各镇（街道）`: one recipient, not several units. */
function isCollectiveStart(name: string): boolean {
  return /^(各|有关|相关|其他)/.test(name)
}

interface Token {
  text: string
  offset: number
  depth: number
}

const roleLabels = /(牵头单位|配合单位|责任单位|责任部门|主责单位|协办单位|参与单位|协同单位)[：:]/g

/** Split the inside of a responsibility list (after `责任单位：`) into entries. */
export function splitUnitList(text: string): {entries: UnitListEntry[]; problems: UnitListProblem[]} {
  const entries: UnitListEntry[] = []
  const problems: UnitListProblem[] = []

  // Explicit role labels: `牵头单位：A，配合单位：B、C` (any separator before a label).
  const labels = [...text.matchAll(roleLabels)]
  if (labels.length > 0 && !(labels.length === 1 && labels[0]!.index === 0 && /^(责任单位|责任部门|主责单位)/.test(labels[0]![1]!))) {
    const before = text.slice(0, labels[0]!.index).trim()
    if (before) splitPlain(text.slice(0, labels[0]!.index), 0, undefined, entries, problems, true)
    labels.forEach((label, index) => {
      const start = label.index! + label[0].length
      let end = index + 1 < labels.length ? labels[index + 1]!.index! : text.length
      // The separator right before the next label is not an empty entry.
      let part = text.slice(start, end)
      const trimmed = part.replace(/[\s\u3000]*[、，,；;]?[\s\u3000]*$/, '')
      if (index + 1 < labels.length) part = trimmed
      const role = /^(牵头|主责|责任)/.test(label[1]!) ? 'lead' : 'support'
      const explicit = labels.length > 1 || label[1] === '牵头单位' || label[1] === '配合单位' ? role : undefined
      splitPlain(part, start, explicit, entries, problems, false)
      void end
    })
    return {entries, problems}
  }
  let base = 0
  let body = text
  if (labels.length === 1) {
    base = labels[0]!.index! + labels[0]![0].length
    body = text.slice(base)
  }

  // `A牵头，B、C配合` / `A负责，B配合`.
  const parts = splitTop(body)
  const roleParts = parts.filter((p) => /(牵头|配合|协助|参与)$/.test(p.text.trim()))
  if (roleParts.length > 0 && roleParts.length === parts.filter((p) => p.text.trim()).length && parts.length > 0) {
    for (const part of parts) {
      const match = /(牵头|负责|配合|协助|参与)$/.exec(part.text.trimEnd())
      const inner = match ? part.text.trimEnd().slice(0, -match[0].length) : part.text
      const role = match && (match[1] === '牵头' || match[1] === '负责') ? 'lead' : 'support'
      splitPlain(inner, base + part.offset, role, entries, problems, false)
    }
    return {entries, problems}
  }

  splitPlain(body, base, undefined, entries, problems, false)
  return {entries, problems}
}

/** Split on `，；` at bracket depth 0 (the role-part separators). */
export function splitTop(text: string): Array<{text: string; offset: number}> {
  const parts: Array<{text: string; offset: number}> = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (open.has(char)) depth++
    else if (close.has(char)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === '，' || char === ',' || char === '；' || char === ';')) {
      parts.push({text: text.slice(start, i), offset: start})
      start = i + 1
    }
  }
  parts.push({text: text.slice(start), offset: start})
  return parts
}

/** Split a plain list `区A、区B（区C）、各区、县级市` into entries. */
function splitPlain(
  text: string,
  base: number,
  role: 'lead' | 'support' | undefined,
  entries: UnitListEntry[],
  problems: UnitListProblem[],
  _leading: boolean
) {
  // Tokenise into names at depth 0 and bracket contents at depth 1+.
  const tokens: Token[] = []
  let depth = 0
  let start = 0
  let bracketStart = -1
  const push = (from: number, to: number, d: number) => tokens.push({text: text.slice(from, to), offset: from, depth: d})
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (open.has(char)) {
      if (depth === 0) {
        push(start, i, 0)
        bracketStart = i
        start = i + 1
      } else if (depth >= 1) {
        // deeper brackets stay inside the nested text
      }
      depth++
    } else if (close.has(char)) {
      if (depth === 0) {
        problems.push({kind: 'unbalanced-bracket', offset: base + i, text: char})
        push(start, i, 0)
        start = i + 1
        continue
      }
      depth--
      if (depth === 0) {
        push(start, i, 1)
        tokens.push({text: '\u0000close', offset: i, depth: -1})
        start = i + 1
      }
    } else if (separators.has(char) && depth <= 1) {
      push(start, i, depth)
      tokens.push({text: '\u0000sep', offset: i, depth})
      start = i + 1
    }
  }
  if (depth > 0) {
    problems.push({kind: 'unbalanced-bracket', offset: base + bracketStart, text: text.slice(bracketStart)})
  }
  push(start, text.length, depth > 0 ? 1 : 0)

  // Walk tokens, building entries. Depth-0 names separated by separators; depth-1 names nested.
  type Item = {written: string; offset: number; nested: boolean; sepBefore: boolean}
  const items: Item[] = []
  let pendingSeparators: number[] = []
  let lastDepth0: Item | undefined
  let bracketItems: Item[] = []
  let bracketOpenOffset = -1
  let expectingName = true
  const flushBracket = () => {
    if (bracketItems.length === 0) return
    const allUnits = bracketItems.every((b) => b.written === '' || unitEnding.test(b.written))
    if (lastDepth0 && (!allUnits || isCollectiveStart(lastDepth0.written))) {
      // A qualifier such as `各镇（街道）`: part of the name before it.
      const end = bracketItems[bracketItems.length - 1]!
      lastDepth0.written = text.slice(lastDepth0.offset, Math.min(text.length, end.offset + end.written.length + 1)).trim()
    } else {
      for (const b of bracketItems) {
        if (b.written === '') problems.push({kind: 'empty-entry', offset: base + b.offset, text: ''})
        else items.push(b)
      }
    }
    bracketItems = []
  }
  for (const token of tokens) {
    if (token.text === '\u0000sep') {
      if (token.depth === 0) {
        pendingSeparators.push(token.offset)
        expectingName = true
      }
      continue
    }
    if (token.text === '\u0000close') {
      flushBracket()
      continue
    }
    const lead = token.text.length - token.text.trimStart().length
    const written = token.text.trim().replace(/^\u3000+|\u3000+$/g, '')
    const offset = token.offset + lead + (token.text.trimStart().length - token.text.trimStart().replace(/^\u3000+/, '').length)
    if (token.depth >= 1) {
      bracketOpenOffset = token.offset
      bracketItems.push({written, offset, nested: true, sepBefore: false})
      continue
    }
    if (written === '') continue
    // Collective phrase continuation: `各区、县级市` — the part after `、` is not a unit.
    if (lastDepth0 && isCollectiveStart(lastDepth0.written) && pendingSeparators.length === 1 && !unitEnding.test(written) && text[pendingSeparators[0]!] === '、') {
      lastDepth0.written = text.slice(lastDepth0.offset, offset + written.length)
      pendingSeparators = []
      continue
    }
    if (pendingSeparators.length > 1) {
      for (const sep of pendingSeparators.slice(1)) problems.push({kind: 'empty-entry', offset: base + sep, text: text[sep]!})
    }
    if (pendingSeparators.length > 0 && items.length === 0 && !lastDepth0) {
      problems.push({kind: 'stray-separator', offset: base + pendingSeparators[0]!, text: text[pendingSeparators[0]!]!})
    }
    if (!expectingName && lastDepth0) {
      // Text right after a bracket without a separator: `区A（区B）区C` — keep it as its own entry.
    }
    pendingSeparators = []
    const item: Item = {written, offset, nested: false, sepBefore: true}
    items.push(item)
    lastDepth0 = item
    expectingName = false
  }
  void bracketOpenOffset
  flushBracket()
  if (pendingSeparators.length > 0) {
    for (const sep of pendingSeparators.slice(0, -1)) problems.push({kind: 'empty-entry', offset: base + sep, text: text[sep]!})
    const last = pendingSeparators[pendingSeparators.length - 1]!
    problems.push({kind: 'stray-separator', offset: base + last, text: text[last]!})
  }
  for (const item of items) {
    const entry: UnitListEntry = {written: item.written, offset: base + item.offset, nested: item.nested}
    if (role) entry.role = role
    entries.push(entry)
  }
}

export interface ResponsibilityList {
  /** Index in the clause text where the list starts (its opening bracket, or the label). */
  start: number
  /** The list as written, brackets included. */
  text: string
  /** The part handed to `splitUnitList`, and its index in the clause text. */
  inner: string
  innerStart: number
  /** The closing bracket is missing: the list runs to the end of the text. */
  unclosed: boolean
}

const listHead = /^(责任单位|责任部门|牵头单位|主责单位|配合单位)[：:]/
const roleForm = /(牵头|负责)[，,；;].+(配合|协助|参与)$|^[^，,；;]+牵头$/

/** Find the responsibility list at the end of a clause's text. */
export function findResponsibilityList(text: string): ResponsibilityList | undefined {
  const trimmedEnd = text.replace(/[\s\u3000]+$/, '').length
  // 1. A bracketed group at the very end.
  if (trimmedEnd > 0 && close.has(text[trimmedEnd - 1]!)) {
    let depth = 0
    for (let i = trimmedEnd - 1; i >= 0; i--) {
      const char = text[i]!
      if (close.has(char)) depth++
      else if (open.has(char)) {
        depth--
        if (depth === 0) {
          const inside = text.slice(i + 1, trimmedEnd - 1)
          const body = inside.replace(listHead, '')
          const headed = body.length !== inside.length
          if (headed || roleForm.test(inside)) {
            const innerStart = i + 1 + (/^(责任单位|责任部门)[：:]/.test(inside) ? inside.length - inside.replace(/^(责任单位|责任部门)[：:]/, '').length : 0)
            return {start: i, text: text.slice(i, trimmedEnd), inner: text.slice(innerStart, trimmedEnd - 1), innerStart, unclosed: false}
          }
          break
        }
      }
    }
  }
  // 2. An opening `（责任单位：` whose bracket is never closed (`（责任单位：区A、区B（区C）`).
  const openHead = /[（(](责任单位|责任部门|牵头单位|主责单位)[：:]/g
  let lastOpen: RegExpExecArray | undefined
  for (const match of text.matchAll(openHead)) lastOpen = match as RegExpExecArray
  if (lastOpen) {
    const i = lastOpen.index
    let depth = 0
    let closedAt = -1
    for (let j = i; j < trimmedEnd; j++) {
      if (open.has(text[j]!)) depth++
      else if (close.has(text[j]!)) {
        depth--
        if (depth === 0) {
          closedAt = j
          break
        }
      }
    }
    if (closedAt === -1 || closedAt === trimmedEnd - 1) {
      const headLength = /^[（(](责任单位|责任部门)[：:]/.test(lastOpen[0]) ? lastOpen[0].length : 1
      const innerStart = i + headLength
      return {start: i, text: text.slice(i, trimmedEnd), inner: text.slice(innerStart, trimmedEnd), innerStart, unclosed: true}
    }
  }
  // 3. Unbracketed `牵头单位：…；配合单位：…` or `责任单位：…` running to the end.
  const bare = /(责任单位|责任部门|牵头单位|主责单位)[：:]/g
  let lastBare: RegExpExecArray | undefined
  for (const match of text.matchAll(bare)) {
    lastBare = match as RegExpExecArray
    break
  }
  if (lastBare && !/[。！？]/.test(text.slice(lastBare.index, trimmedEnd).replace(/[。]$/, ''))) {
    const i = lastBare.index
    const headLength = /^(责任单位|责任部门)[：:]/.test(lastBare[0]) ? lastBare[0].length : 0
    return {start: i, text: text.slice(i, trimmedEnd), inner: text.slice(i + headLength, trimmedEnd).replace(/。$/, ''), innerStart: i + headLength, unclosed: false}
  }
  return undefined
}
