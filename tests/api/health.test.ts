import { describe, expect, it } from 'vitest';
import { checkHealth } from '#server/ops/health.ts';
import { opsSettings } from '#server/ops/settings.ts';
import { testContext } from './support.ts';

describe('health check', () => {
  it('reports a writable database, the free space in DATA_DIR and the version', async () => {
    const context = testContext();
    const report = await checkHealth(context.db, context.dataDir, opsSettings({ MIN_FREE_MB: '1' }), '1.0.0');
    expect(report).toMatchObject({ status: 'ok', databaseWritable: true, version: '1.0.0', minFreeBytes: 1024 * 1024 });
    expect(report.freeBytes).toBeGreaterThan(1024 * 1024);
  });

  it('is degraded when free space is below MIN_FREE_MB', async () => {
    const context = testContext();
    const report = await checkHealth(context.db, context.dataDir, opsSettings({ MIN_FREE_MB: String(1024 * 1024 * 1024) }), '1.0.0');
    expect(report.status).toBe('degraded');
    expect(report.databaseWritable).toBe(true);
  });

  it('is degraded when the database cannot be written', async () => {
    const context = testContext();
    context.db.close();
    const report = await checkHealth(context.db, context.dataDir, opsSettings({ MIN_FREE_MB: '1' }), '1.0.0');
    expect(report).toMatchObject({ status: 'degraded', databaseWritable: false });
  });
});
