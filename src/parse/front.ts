/**
 * The front and back of a real document: issuer lines, title lines, document number, recipients,
 * a wrapping notice with its signature and date, annex labels. Line tests as data, and the cut
 * of the block list into front, notice, body and annexes.
 */
import {foldDigits} from '../tree/numerals.ts'
import {numberingOf} from './schemes.ts'

/** `国发〔2019〕3号`, `（皖开放办〔2022〕6号）`, `京经信发[2022]87号`. */
export const documentNumberLine = /^[（(]?[^\s，。：:（）()]{1,24}[〔［\[(（][0-9０-９]{4}[〕］\])）][0-9０-９]+号[）)]?$/
/** 成文日期 `2024年5月22日`, `二〇二四年五月二十二日`. */
export const dateLine = /^(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日$/
/** `（此件公开发布）`, `（本文有删减）`, `（此件主动公开）`. */
export const publicationNote = /^[（(](?:此件|本件|本文)[^（）()]{0,12}[）)]$/
/** Recipients: `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`. */
export function isRecipients(text: string): boolean {
  return /[：:]$/.test(text) && text.length <= 160 && !/[。！？]/.test(text) && !/^(附件|责任单位|牵头单位|注)/.test(text) && !numberingOf(text)
}
/** A signature line: short, no sentence punctuation, right above a date line. */
export function isSignature(text: string): boolean {
  return text.length <= 40 && !/[。，；：:！？]/.test(text) && !numberingOf(text)
}
/** An annex label on its own (`附件`, `附件2`) or with the annex title (`附件1：…`). */
export const annexLabel = /^附件[ \u3000]*([0-9０-９一二三四五六七八九十]*)[ \u3000]*([：:]?)[ \u3000]*(.*)$/
/** A title line: short, no sentence end, not numbered. */
export function isTitleLine(text: string): boolean {
  return text.length <= 80 && !/[。！？；]$/.test(text) && !/[。！？]/.test(text) && !numberingOf(text)
}
/** The wrapping notice's sentence: `…现印发给你们，请认真贯彻执行。` */
export const noticeSentence = /印发给你们|印发你们|现予印发|现印发|请认真贯彻|请结合实际|遵照执行|贯彻落实/

/** ISO date of a 成文日期 line. */
export function isoDate(text: string): string | undefined {
  const folded = foldDigits(text)
  const arabic = /^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$/.exec(folded)
  if (arabic) return `${arabic[1]}-${arabic[2]!.padStart(2, '0')}-${arabic[3]!.padStart(2, '0')}`
  return undefined
}
