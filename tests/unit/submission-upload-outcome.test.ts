import { describe, expect, it } from 'vitest';
import { uploadOutcome } from '#shared/submission/upload-outcome.ts';

describe('reading the answer to one photo upload', () => {
  it('keeps the token, thumbnail and size of a stored photo', () => {
    expect(uploadOutcome(200, { token: 't1', thumbUrl: '/api/uploads/t1', width: 2560, height: 1707 }, 0, '照片')).toEqual({
      kind: 'stored',
      token: 't1',
      thumbUrl: '/api/uploads/t1',
      width: 2560,
      height: 1707,
    });
  });

  it('holds the file for a wrong, missing or locked 报送码 and passes on the server’s words', () => {
    for (const status of [401, 403, 429]) {
      expect(uploadOutcome(status, { error: '报送码不正确。' }, 0, '照片')).toEqual({ kind: 'credentials', message: '报送码不正确。' });
    }
    expect(uploadOutcome(401, undefined, 0, '照片')).toMatchObject({ kind: 'credentials', message: expect.stringContaining('报送码') });
  });

  it('refuses for good a file the server will not take, with its reason or a Chinese fallback', () => {
    expect(uploadOutcome(413, { error: '这个照片超过 30 MB，没有收下。' }, 0, '照片')).toEqual({
      kind: 'refused',
      message: '这个照片超过 30 MB，没有收下。',
    });
    expect(uploadOutcome(415, '<html>Unsupported</html>', 0, '文件')).toEqual({
      kind: 'refused',
      message: '服务器没有接收这个文件（代码 415）。请删去后换一个，或联系组织方。',
    });
  });

  it('tries again later after a dropped connection or a busy server, counting the tries', () => {
    expect(uploadOutcome(0, undefined, 0, '照片', 0.5)).toEqual({
      kind: 'retry',
      attempt: 1,
      delayMs: 1000,
      message: '网络不稳定，正在自动重试（第 1 次）……',
    });
    expect(uploadOutcome(503, undefined, 2, '照片', 0.5)).toMatchObject({ kind: 'retry', attempt: 3, delayMs: 4000 });
  });

  it('gives up after five automatic retries and says the photo is still safe on the device', () => {
    expect(uploadOutcome(0, undefined, 5, '照片')).toEqual({
      kind: 'gave-up',
      message: '多次上传没有成功。请检查网络后点“重试”；照片已保存在本机，不会丢失。',
    });
  });

  it('treats a success without a token (a proxy’s page) as refused, never as a stored file', () => {
    expect(uploadOutcome(200, {}, 0, '照片', 0.5)).toMatchObject({ kind: 'refused' });
  });
});
