/** How the bytes of an uploaded CSV were read, said to the organiser in the result. */
export type TextEncodingName = 'UTF-8' | 'GBK' | 'UTF-16';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Excel on a Chinese Windows saves "CSV" in GBK, "CSV UTF-8" with a BOM, "Unicode text" in
 * UTF-16 with a BOM; WPS and Notepad save UTF-8 without one. Strict UTF-8 first: GBK bytes are
 * almost never valid UTF-8, so a failure means GBK (read as GB18030, its superset).
 */
export function decodeTableText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK' };
  }
}
