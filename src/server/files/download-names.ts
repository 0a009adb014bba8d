import { create } from 'content-disposition';

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i;

/** Cuts to at most `max` characters without splitting a surrogate pair (𠮷 counts as one). */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * A name that every unzip tool and Windows Explorer accepts: no path separators or characters
 * Windows forbids, no control characters, no trailing dots or spaces, no reserved device names,
 * and short enough that 单位名/学习感想/标题-作者.docx stays well inside Windows' path limit.
 */
export function safeFileName(raw: string, fallback: string, max = 60): string {
  let name = raw
    .normalize('NFC')
    // Controls, bidi overrides (which make 报告‮fdp.exe read as 报告exe.pdf), zero-width marks, noncharacters.
    .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  name = cut(name, max)
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (!name || RESERVED.test(name)) return fallback;
  return name;
}

/** The longest name a download gets, extension included. */
export const DOWNLOAD_NAME_MAX = 100;

/**
 * The name the server gives a file it sends: made from what the site knows (unit, caption, title),
 * never the uploader's own file name, with the extension of what the content was checked to be.
 */
export function downloadFileName(stem: string, extension: string, fallback: string): string {
  return `${safeFileName(stem, fallback, DOWNLOAD_NAME_MAX - extension.length)}${extension}`;
}

/** Hands out names inside one folder, adding （2）, （3） when two entries would collide. */
export class NameRegistry {
  private readonly used = new Set<string>();

  claim(path: string): string {
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    const [stem, ext] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    let candidate = path;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}（${n}）${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
};

/** The extension for a stored file: from its type, else from the name it was uploaded with. */
export function extensionFor(mime: string, originalName: string): string {
  const known = EXTENSIONS[mime];
  if (known) return known;
  const match = /\.([a-z0-9]{1,5})$/i.exec(originalName);
  return match ? `.${match[1]!.toLowerCase()}` : '.bin';
}

/**
 * attachment; filename="ascii"; filename*=UTF-8''… — old browsers take the first, all others the
 * second. The header itself is written by the content-disposition package; the ASCII name offered
 * beside a Chinese one is chosen here: the name's own Latin stem, or e.g. file-42.pdf.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string, asciiFallback = 'download'): string {
  const stripped = name
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .trim();
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  // A stem of only digits and dashes is what is left of 汇总表-20230227.xlsx: no name at all.
  const hasStem = /[A-Za-z]/.test(stripped.slice(0, stripped.length - extension.length));
  const ascii = hasStem ? stripped : asciiFallback.includes('.') ? asciiFallback : `${asciiFallback}${extension}`;
  return create(name, { type: kind, fallback: ascii });
}
