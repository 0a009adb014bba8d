/**
 * What the fault tests share: a small filesystem of their own (tmpfs, root only), a disk filled to
 * the last byte, a console session and 报送码 made directly in the site's database, and posts made
 * the way the browser makes them.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { issueCodes } from '#server/campaign/codes.ts';
import { listUnits } from '#server/campaign/units.ts';
import { createSession, SESSION_COOKIE } from '#server/admin/sessions.ts';
import { openDatabase } from '#server/db/database.ts';
import { completeFields, formData } from '../api/support.ts';
import { addUnits } from './seed-submissions.ts';

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  unmount(): Promise<void>;
}

/** A tmpfs of `megabytes`, so that filling it costs little and touches nothing else. Needs root. */
export async function smallDisk(megabytes: number): Promise<SmallDisk> {
  if (process.getuid?.() !== 0) throw new Error('The full-disk tests mount a tmpfs and must run as root (as CI does).');
  const dir = mkdtempSync(join(tmpdir(), 'baosong-disk-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  return {
    dir,
    unmount: async () => {
      await run('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a filler file until the filesystem refuses another byte; returns its path. */
export function fillDisk(dir: string): string {
  const path = join(dir, 'filler.bin');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (let size = chunk.length; size >= 1;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** The Cookie header of a signed-in organiser (the initial admin the site made at start). */
export function consoleCookie(dataDir: string): string {
  const db = openDatabase(dataDir);
  try {
    return `${SESSION_COOKIE}=${createSession(db, 'admin').cookieValue}`;
  } finally {
    db.close();
  }
}

export interface UnitAuth {
  unitId: number;
  code: string;
}

/**
 * Fresh 报送码 for the first `count` units (the site copies the units in at its first request);
 * past the configured list, further units are added as a city with more units would import them.
 */
export async function unitCodes(siteUrl: string, dataDir: string, count: number): Promise<UnitAuth[]> {
  await fetch(`${siteUrl}/baosong/`);
  const db = openDatabase(dataDir);
  try {
    const missing = count - listUnits(db).length;
    if (missing > 0) {
      const category = listUnits(db)[0]!.category;
      addUnits(
        db,
        Array.from({ length: missing }, (_, n) => ({ name: `第${n + 1}测试水利站`, category })),
      );
    }
    const issued = await issueCodes(
      db,
      listUnits(db)
        .slice(0, count)
        .map((unit) => unit.id),
    );
    return issued.map(({ unit, code }) => ({ unitId: unit.id, code }));
  } finally {
    db.close();
  }
}

/** A photo as the form sends it after shrinking it on the phone: a JPEG about 2560 px wide. */
export async function browserPhoto(seed: number, width = 2560, height = 1920): Promise<Blob> {
  const noise = Buffer.alloc(64 * 48 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 31 + seed * 97) % 251;
  const jpeg = await sharp(noise, { raw: { width: 64, height: 48, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' });
}

/** POST /api/uploads as the enhanced form sends one photo. */
export function uploadPhoto(siteUrl: string, auth: UnitAuth, photo: Blob, signal?: AbortSignal): Promise<Response> {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', 'photo'],
    ],
    [['file', photo, 'IMG_0001.jpg']],
  );
  return fetch(`${siteUrl}/api/uploads`, { method: 'POST', body, headers: { origin: siteUrl }, ...(signal ? { signal } : {}) });
}

/** POST /api/submissions as the enhanced form's final submit, with staged photo tokens. */
export function submitWithTokens(siteUrl: string, auth: UnitAuth, tokens: string[], key?: string, signal?: AbortSignal): Promise<Response> {
  const fields: [string, string][] = [
    ...completeFields(auth.unitId, auth.code, key),
    ...tokens.flatMap((token, n): [string, string][] => [
      [`photo_token_${n + 1}`, token],
      [`photo_caption_${n + 1}`, `活动照片 ${n + 1}`],
    ]),
  ];
  return fetch(`${siteUrl}/api/submissions`, {
    method: 'POST',
    body: formData(fields),
    headers: { origin: siteUrl, accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
}
