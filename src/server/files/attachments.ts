/**
 * Attachments (情况汇报、相关信息、学习感想 originals) are kept exactly as sent when the content is
 * a Word .docx (a zip holding word/document.xml) or a complete PDF. A Word file whose text cannot be
 * read — an old .doc, a password-protected or damaged .docx — is kept too, as the unit sent it:
 * the original still reaches the organisers, and the receipt says why its text could not be read
 * (docx-text.ts). Anything else is refused with a message saying what to send.
 */
import type { AttachmentAccepts } from '#shared/submission/fields.ts';
import { FileRefused, readHead, readTail, sniff, zipEntryNames } from './sniff.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

export const DOC_MIME = 'application/msword';

export interface AttachmentType {
  mime: typeof DOCX_MIME | typeof PDF_MIME | typeof DOC_MIME;
  extension: 'docx' | 'pdf' | 'doc';
}

const namedWord = (name: string) => /\.docx?$/i.test(name.trim());

const label = (name: string) => `文件“${name || '未命名'}”`;

const WORDING = {
  word: { wanted: '这里只收 Word 文档（.docx）。', not: '不是 Word 文档', saveAs: '.docx' },
  'word-or-pdf': { wanted: '这里只收 Word 文档（.docx）或 PDF 文件。', not: '不是 Word 文档或 PDF', saveAs: '.docx 或 PDF' },
} as const;

/** Throws FileRefused with a Chinese message unless the file is a .docx (or a Word file sent as one) or, where taken, a whole PDF. */
export async function checkAttachment(
  path: string,
  originalName: string,
  accepted: AttachmentAccepts = 'word-or-pdf',
): Promise<AttachmentType> {
  const { wanted, not, saveAs } = WORDING[accepted];
  const kind = sniff(await readHead(path));
  switch (kind) {
    case 'pdf': {
      if (accepted === 'word') {
        throw new FileRefused(
          `${label(originalName)}是 PDF。学习感想的文字要编入汇编，请上传 Word 文档（.docx），或把正文粘贴到“正文”框。`,
          415,
        );
      }
      // A PDF ends with %%EOF (possibly followed by a little whitespace); without it the upload was cut off.
      if (!(await readTail(path, 2048)).toString('latin1').includes('%%EOF')) {
        throw new FileRefused(`${label(originalName)}不完整，可能上传时中断了。请重新上传。`);
      }
      return { mime: PDF_MIME, extension: 'pdf' };
    }
    case 'zip': {
      const names = await zipEntryNames(path);
      if (!names) {
        if (namedWord(originalName)) return { mime: DOCX_MIME, extension: 'docx' };
        throw new FileRefused(`${label(originalName)}不完整或已损坏，可能上传时中断了。请重新上传。`);
      }
      if (!names.includes('word/document.xml')) {
        throw new FileRefused(`${label(originalName)}是压缩包或其他 Office 文件，不是 Word 文档。${wanted}`, 415);
      }
      return { mime: DOCX_MIME, extension: 'docx' };
    }
    case 'empty':
      throw new FileRefused(`${label(originalName)}是空文件（0 字节），请重新选择。`);
    case 'ole':
      // Encrypted .docx files are OLE containers too; both are Word files the unit means to send.
      if (namedWord(originalName)) return { mime: DOC_MIME, extension: /\.docx$/i.test(originalName.trim()) ? 'docx' : 'doc' };
      throw new FileRefused(`${label(originalName)}是旧版 Word（.doc）或 WPS 格式。请在 Word 或 WPS 中“另存为”${saveAs} 后上传。`, 415);
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'heif':
      throw new FileRefused(`${label(originalName)}是图片。照片请在“活动照片”处上传；${wanted}`, 415);
    default:
      throw new FileRefused(`${label(originalName)}${not}。${wanted}`, 415);
  }
}
