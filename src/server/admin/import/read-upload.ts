import { parseCsv, type TableRow } from './csv-parse.ts';
import { decodeTableText, type TextEncodingName } from './decode-text.ts';
import { readXlsxRows } from './xlsx-read.ts';
import { sniff } from '#server/files/sniff.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type UploadedTable = { ok: true; rows: TableRow[]; format: 'XLSX' | `CSV（${TextEncodingName}）` } | { ok: false; message: string };

/** Recognises the file by its bytes (names lie: "名单.xls" is often a CSV or an HTML table). */
export async function readUploadedTable(bytes: Uint8Array): Promise<UploadedTable> {
  if (bytes.length === 0) return { ok: false, message: '没有收到文件，或文件是空的。请选择名单文件后再导入。' };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: '文件超过 2 MB，不像是单位名单。请检查是否选错了文件。' };
  const type = sniff(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)));
  if (type === 'ole') {
    return {
      ok: false,
      message: '这是旧版 Excel（.xls）或 WPS 表格文件，无法直接读取。请在 Excel/WPS 中“另存为” Excel 工作簿（.xlsx）或 CSV 后再导入。',
    };
  }
  if (type === 'zip') {
    try {
      return { ok: true, rows: await readXlsxRows(bytes), format: 'XLSX' };
    } catch {
      return { ok: false, message: '无法读取这个 Excel 文件，它可能已损坏或带有密码。请在 Excel 中另存为 .xlsx 或 CSV 后再试。' };
    }
  }
  const decoded = decodeTableText(bytes);
  if (/^\s*<(!doctype|html|table)/i.test(decoded.text)) {
    return { ok: false, message: '这个文件其实是网页表格（HTML），不是 Excel 或 CSV。请用 Excel 打开后另存为 .xlsx 或 CSV 再导入。' };
  }
  if (decoded.text.includes('\u0000')) {
    return { ok: false, message: '无法识别这个文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件。' };
  }
  return { ok: true, rows: parseCsv(decoded.text), format: `CSV（${decoded.encoding}）` };
}
