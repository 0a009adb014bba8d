/**
 * Reads a Word or Excel file the way an organiser's office suite shows it: LibreOffice converts it
 * to PDF and pdftotext -layout reads the PDF back. Each call uses its own LibreOffice profile, so
 * parallel runs never share one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function officeText(bytes: Buffer, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'baosong-office-'));
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    timeout: 170_000,
  });
  const pdf = join(dir, name.replace(/\.[a-z]+$/, '.pdf'));
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}
