/**
 * The one way a text's length is counted, wherever a number of 字 is shown: the form's counter, the
 * receipt, the console and the exports. Characters are code points (𠮷 is one, not two UTF-16
 * units); line breaks are not characters, and a Windows CRLF is one break, so text pasted from Word
 * counts the same as the same text typed on a phone. Pure and browser-safe.
 */
export function countChars(text: string): number {
  let count = 0;
  for (const ch of text.trim()) if (ch !== '\n' && ch !== '\r') count++;
  return count;
}
