/** Number labels of policy texts: 一、 1、 1. 1． （一） 第一条, with full-width digits. */

import {labelNumber} from '../tree/numerals.ts'

export {labelNumber}

const cn = '[零〇一二两三四五六七八九十百千]+'
const ws = '[ \\t\\u3000]*'

/** Domain heading `一、…` (Chinese numeral). Groups: label, punctuation (incl. spaces), rest. */
export const chineseHeading = new RegExp(`^(${cn})([、．.]${ws})(.*)$`, 's')
/** `1、…` `1.…` `1．…` (Arabic, full-width allowed). Groups: label, punctuation, rest. */
export const arabicLabel = new RegExp(`^([0-9０-９]+)([、．.]${ws})(.*)$`, 's')
/** `（一）…` with full- or half-width brackets. Groups: label (with brackets), rest. */
export const bracketLabel = new RegExp(`^([（(]${cn}[）)])(${ws})(.*)$`, 's')
/** `第一条 …`. Groups: label, spaces, rest. */
export const articleLabel = new RegExp(`^(第(?:${cn}|[0-9０-９]+)条)(${ws})(.*)$`, 's')

/** The number inside `（一）` or `第一条`. */
export function innerNumber(label: string): number {
  const inner = label.replace(/^[（(]|[）)]$/g, '').replace(/^第|条$/g, '')
  return labelNumber(inner)
}

/** `（由区发改局牵头实施）` at the end of a domain heading. Groups: units. */
export const leadPhrase = /[（(]由(.+?)(?:共同)?牵头(?:实施|负责|落实)?[）)]$/
