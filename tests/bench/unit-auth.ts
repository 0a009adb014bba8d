/**
 * What one 20-photo submission from the enhanced form costs the server in scrypt runs and CPU
 * time: the baseline sends the 报送码 with every upload and the submit, so each is checked again
 * (as every request did before grants); the current form sends it once and then the grant it got
 * back. Both run in this process against the real handlers, a real SQLite file and real sharp.
 */
import { submitApi } from '#server/submissions/http.ts';
import { uploadApi } from '#server/submissions/uploads.ts';
import { scryptRuns } from '#server/secrets/scrypt-hash.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { blob, completeFields, formData, jpeg, postRequest, testContext, unitWithCode } from '../support/api-context.ts';
import type { BenchTable } from './table.ts';

const PHOTOS = 20;
const ROUNDS = 3;

interface Cost {
  scrypt: number;
  cpuMs: number;
}

async function oneSubmission(context: SubmissionContext, photo: Buffer, useGrant: boolean): Promise<Cost> {
  const auth = await unitWithCode(context);
  const scryptBefore = scryptRuns();
  const cpuBefore = process.cpuUsage();
  let grant = '';
  const fields = completeFields(auth.unitId, auth.code);
  for (let n = 1; n <= PHOTOS; n++) {
    const body = formData(
      [
        ['unit_id', String(auth.unitId)],
        ['code', auth.code],
        ['grant', useGrant ? grant : ''],
        ['kind', 'photo'],
      ],
      [['file', blob(photo, 'image/jpeg'), `现场${n}.jpg`]],
    );
    const answer = (await (await uploadApi(postRequest('/api/uploads', body), context)).json()) as { token?: string; grant?: string };
    if (!answer.token) throw new Error(`上传第 ${n} 张照片失败：${JSON.stringify(answer)}`);
    grant = answer.grant ?? '';
    fields.push([`photo_token_${n}`, answer.token], [`photo_caption_${n}`, `活动现场 ${n}`]);
  }
  if (useGrant) fields.push(['grant', grant]);
  const response = await submitApi(postRequest('/api/submissions', formData(fields), { accept: 'application/json' }), context);
  if (response.status !== 200) throw new Error(`提交失败：${await response.text()}`);
  const cpu = process.cpuUsage(cpuBefore);
  return { scrypt: scryptRuns() - scryptBefore, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchUnitAuth(): Promise<BenchTable> {
  const photo = await jpeg(1600, 1200);
  const costs = { code: [] as Cost[], grant: [] as Cost[] };
  // Alternating rounds, so a busy moment on a shared machine falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    costs.code.push(await oneSubmission(testContext(), photo, false));
    costs.grant.push(await oneSubmission(testContext(), photo, true));
  }
  const baseline = median(costs.code.map((cost) => cost.cpuMs));
  const row = (label: string, list: Cost[]) => {
    const cpu = median(list.map((cost) => cost.cpuMs));
    return [label, median(list.map((cost) => cost.scrypt)), Math.round(cpu), `${Math.round((cpu / baseline) * 100)}%`];
  };
  return {
    title: `一次报送（${PHOTOS} 张照片 + 提交）的单位验证开销`,
    columns: ['方式', 'scrypt 次数', '服务器 CPU（毫秒）', '相对基线'],
    rows: [row('基线：每次请求都核对报送码', costs.code), row('现在：核对一次，其后凭签名凭证', costs.grant)],
    notes: [
      `照片 1600×1200 JPEG；${ROUNDS} 轮交替运行取中位数；CPU 为本进程 user+system（含 sharp 线程），包含照片处理本身。`,
      'scrypt 次数由散列模块的计数器给出（src/server/secrets/scrypt-hash.ts）。',
    ],
  };
}
