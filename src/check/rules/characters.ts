/** Characters that no XML file (.docx, .xlsx, .html) can hold: reported where they are. */
import {codePointLabel, xmlInvalidPattern} from '../../tree/characters.ts'
import {defineRule, type Rule} from '../rule.ts'

export const xmlInvalidCharacter = defineRule({
  id: 'xml-invalid-character',
  severity: 'error',
  doc: '删去 Word、Excel 和网页文件都不能容纳的字符（控制字符、U+FFFE、U+FFFF 等非字符）',
  run(context) {
    const {source} = context
    for (const match of source.value.matchAll(xmlInvalidPattern)) {
      const start = match.index ?? 0
      context.report(
        `文中有 Word、Excel 和网页文件都不能容纳的字符 ${codePointLabel(match[0])}（生成文件时会被删去），应在源文件中删去`,
        source.span(start, start + match[0].length),
        {actual: match[0]}
      )
    }
  }
})

export const characterRules: Rule[] = [xmlInvalidCharacter]
