/**
 * Text for the terminal: control characters from a source (escape sequences, carriage returns,
 * bidirectional overrides) would move the cursor, recolour or reorder what the user reads, so
 * each is shown as a visible `\uXXXX` instead. Newlines and tabs stay. Inside JSON output the same
 * `\uXXXX` is a valid escape of the same character, so JSON stays valid and means the same.
 */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function terminalText(text: string): string {
  return text.replace(unsafe, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
}
