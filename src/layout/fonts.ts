/**
 * What an office PC should use when an official font is missing: for each face the standard's
 * documents name, the fallbacks in order and the font-table data Word matches a substitute by
 * (PANOSE, character set, family, pitch). The Word writer writes these into word/fontTable.xml.
 */

export interface FontFallback {
  /** Fallback names, most similar first (Chinese name, then the Windows English name). */
  alternates: string[]
  /** PANOSE-1 classification, 10 bytes in hex. */
  panose: string
  /** Character set (`86` GB2312, `00` ANSI). */
  charset: string
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto'
  pitch: 'fixed' | 'variable'
}

const gb = {charset: '86', family: 'modern', pitch: 'fixed'} as const

export const fontFallbacks: Readonly<Record<string, FontFallback>> = {
  仿宋_GB2312: {alternates: ['仿宋', 'FangSong'], panose: '02010609030101010101', ...gb},
  仿宋: {alternates: ['FangSong', '仿宋_GB2312'], panose: '02010609060101010101', ...gb},
  方正小标宋简体: {alternates: ['方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体'], panose: '02000000000000000000', ...gb},
  黑体: {alternates: ['SimHei', '方正黑体_GBK'], panose: '02010609060101010101', ...gb},
  楷体_GB2312: {alternates: ['楷体', 'KaiTi'], panose: '02010609030101010101', ...gb},
  楷体: {alternates: ['KaiTi', '楷体_GB2312'], panose: '02010609060101010101', ...gb},
  宋体: {alternates: ['SimSun', 'NSimSun'], panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable'},
  'Times New Roman': {alternates: ['Liberation Serif'], panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable'}
}
