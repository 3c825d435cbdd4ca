// fontkit and unicode-properties ship no types; the PDF writer describes the parts it uses
// (src/write/pdf/fonts.ts: `FontkitFont`).
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown
}

declare module 'unicode-properties' {
  export function getScript(codePoint: number): string
}
