/**
 * Renders documents as a person would see them printed: LibreOffice converts them to PDF
 * (`soffice --headless --convert-to pdf`) and poppler's pdftotext reads the pages back.
 * Each call gets its own LibreOffice profile, so test files converting at once do not clash.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RenderedPdf {
  /** The text of each page, laid out (pdftotext -layout). */
  pages: string[];
  /**
   * The whole text in the order it is drawn (pdftotext -raw): a wrapped table cell's lines follow
   * one another, where the laid-out text interleaves them with the cells beside it.
   */
  drawn: string;
  /** pdfinfo's "Page size" line, e.g. "841.89 x 595.28 pts (A4)". */
  pageSize: string;
  path: string;
}

/** Converts every file in one LibreOffice run (it is slow to start) and reads each PDF back. */
export async function renderPdfs(files: Record<string, Buffer>): Promise<{ pdfs: Record<string, RenderedPdf>; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'baosong-pdf-'));
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
  await run(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    { timeout: 600_000 },
  );
  const pdfs: Record<string, RenderedPdf> = {};
  for (const name of Object.keys(files)) {
    const path = join(dir, `${basename(name).replace(/\.[^.]+$/, '')}.pdf`);
    const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const drawn = await run('pdftotext', ['-raw', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const info = await run('pdfinfo', [path]);
    pdfs[name] = {
      pages: stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== ''),
      drawn: drawn.stdout,
      pageSize: /Page size:\s*(.*)/.exec(info.stdout)?.[1] ?? '',
      path,
    };
  }
  return { pdfs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
