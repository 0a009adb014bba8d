import { describe, expect, it } from 'vitest';
import { accessLine, errorLine, redactPath } from '#server/ops/access-log.ts';

describe('access log', () => {
  it('keeps no staged-upload token, signed-link signature or 报送码 in the path', () => {
    expect(redactPath('/api/uploads/Zk3v9QmX2pL7aB1cD4eF5gH6/thumb')).toBe('/api/uploads/:token/thumb');
    expect(redactPath('/api/files/42?t=abcDEF123_-xyz&download=1')).toBe('/api/files/42?t=:redacted&download=1');
    expect(redactPath('/baosong/huizhi/BS2023-0001/?t=Q1w2E3r4T5y6U7i8O9p0A1s2&v=2')).toBe('/baosong/huizhi/BS2023-0001/?t=:redacted&v=2');
    expect(redactPath('/baosong/?code=ABCDE23456&unit_id=3')).toBe('/baosong/?code=:redacted&unit_id=3');
  });

  it('leaves ordinary reading paths as they are', () => {
    expect(redactPath('/gangyao/di-shi-san-tiao/')).toBe('/gangyao/di-shi-san-tiao/');
    expect(redactPath('/search/?q=%E8%B4%A8%E9%87%8F')).toBe('/search/?q=质量');
  });

  it('writes one JSON line with time, method, path, status, ms, bytes, request id and client address only', () => {
    const line = accessLine({
      time: new Date('2026-12-06T08:00:00Z'),
      requestId: 'abc123',
      method: 'POST',
      url: '/api/uploads/Zk3v9QmX2pL7aB1cD4eF5gH6/thumb',
      status: 200,
      ms: 12.345,
      bytes: 2048,
      client: '10.0.0.7',
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-06T08:00:00.000Z',
      level: 'info',
      requestId: 'abc123',
      method: 'POST',
      path: '/api/uploads/:token/thumb',
      status: 200,
      ms: 12.3,
      bytes: 2048,
      client: '10.0.0.7',
    });
  });

  it('tags an error line with the request it happened in', () => {
    expect(JSON.parse(errorLine('error', 'abc123', '数据库写入失败', new Date('2026-12-06T08:00:00Z')))).toEqual({
      time: '2026-12-06T08:00:00.000Z',
      level: 'error',
      requestId: 'abc123',
      message: '数据库写入失败',
    });
  });
});
