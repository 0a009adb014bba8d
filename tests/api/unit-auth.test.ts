import { describe, expect, it } from 'vitest';
import { uploadApi } from '#server/submissions/uploads.ts';
import { reopenApi, submitApi } from '#server/submissions/http.ts';
import { issueCodes } from '#server/campaign/codes.ts';
import { GRANT_TTL_MS } from '#server/submissions/unit-grant.ts';
import { scryptRuns } from '#server/secrets/scrypt-hash.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { blob, completeFields, count, formData, jpeg, postRequest, testContext, unitWithCode } from '../support/api-context.ts';

interface Sender {
  unitId: number;
  code: string;
  grant: string;
}

async function upload(context: SubmissionContext, sender: Sender) {
  const fields: [string, string][] = [
    ['unit_id', String(sender.unitId)],
    ['code', sender.code],
    ['grant', sender.grant],
    ['kind', 'photo'],
  ];
  const response = await uploadApi(
    postRequest('/api/uploads', formData(fields, [['file', blob(await jpeg(64, 48), 'image/jpeg'), 'a.jpg']])),
    context,
  );
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('one check of the 报送码 per form session', () => {
  it('checks the code on the first upload only; later uploads and the submit go on the grant it returned', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const before = scryptRuns();
    const first = await upload(context, { ...auth, grant: '' });
    expect(first.status).toBe(200);
    const tokens = [first.body['token']!];
    let grant = first.body['grant']!;
    expect(grant).toMatch(new RegExp(`^${auth.unitId}\\.\\d+\\.`));
    for (let i = 0; i < 3; i++) {
      const next = await upload(context, { unitId: auth.unitId, code: '', grant });
      expect(next.status).toBe(200);
      tokens.push(next.body['token']!);
      grant = next.body['grant']!;
    }
    // The island sends the typed code along with the grant; the grant is what is checked.
    const fields = completeFields(auth.unitId, auth.code).concat([['grant', grant]]);
    tokens.forEach((token, index) => fields.push([`photo_token_${index + 1}`, token], [`photo_caption_${index + 1}`, `现场 ${index + 1}`]));
    const response = await submitApi(postRequest('/api/submissions', formData(fields), { accept: 'application/json' }), context);
    expect(await response.json()).toHaveProperty('receiptUrl');
    expect(count(context, 'photos')).toBe(4);
    expect(scryptRuns() - before).toBe(1);
  });

  it('hands out a grant when a unit reopens what it sent', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    await submitApi(
      postRequest('/api/submissions', formData(completeFields(auth.unitId, auth.code)), { accept: 'application/json' }),
      context,
    );
    const reopened = await reopenApi(
      postRequest(
        '/api/submissions/current',
        formData([
          ['unit_id', String(auth.unitId)],
          ['code', auth.code],
        ]),
      ),
      context,
    );
    const { grant } = (await reopened.json()) as { grant: string };
    expect((await upload(context, { unitId: auth.unitId, code: '', grant })).status).toBe(200);
  });

  it('asks in Chinese for the code again once the grant has expired, and keeps what was already uploaded', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const { body } = await upload(context, { ...auth, grant: '' });
    const later: SubmissionContext = { ...context, now: new Date(context.now.getTime() + GRANT_TTL_MS + 1000) };
    const expired = await upload(later, { unitId: auth.unitId, code: '', grant: body['grant']! });
    expect(expired.status).toBe(401);
    expect(expired.body['error']).toContain('请重新输入报送码');
    expect(expired.body['error']).toContain('不会丢失');
    expect(count(context, 'staged_uploads')).toBe(1);
    // With the code typed again the same form carries on.
    expect((await upload(later, { ...auth, grant: body['grant']! })).status).toBe(200);
  });

  it('accepts no grant made for another unit, altered, or issued before the code was replaced', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const other = await unitWithCode(context, '辉县市水利局');
    const { body } = await upload(context, { ...auth, grant: '' });
    const grant = body['grant']!;
    expect((await upload(context, { unitId: other.unitId, code: '', grant })).status).toBe(401);
    const altered = grant.replace(/\.(\d+)\./, (_, ms: string) => `.${Number(ms) + 3_600_000}.`);
    expect((await upload(context, { unitId: auth.unitId, code: '', grant: altered })).status).toBe(401);
    await issueCodes(context.db, [auth.unitId]);
    const replaced = await upload(context, { unitId: auth.unitId, code: '', grant });
    expect(replaced.status).toBe(401);
    expect(replaced.body['error']).toContain('更换了报送码');
  });

  it('still checks the code itself when the plain form posts it with the whole form', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const before = scryptRuns();
    const response = await submitApi(
      postRequest('/api/submissions', formData(completeFields(auth.unitId, auth.code)), { accept: 'application/json' }),
      context,
    );
    expect(response.status).toBe(200);
    expect(scryptRuns() - before).toBe(1);
  });
});
