/**
 * POST /api/uploads: one photo or attachment at a time, sent by the enhanced form as soon as it is
 * chosen, so that a weak uplink only ever retries one file. Authenticated by unit_id + code; the
 * answer's token is then posted with the final submit. Also serves a staged file back to the unit.
 */
import { LIMITS, formatMegabytes } from '#shared/limits.ts';
import { fileFieldNames } from '#shared/submission/form.ts';
import { verifyUnitCode } from '#server/campaign/codes.ts';
import { STORAGE_FULL, isDiskFull } from '#server/files/disk-full.ts';
import { FileRefused } from '#server/files/sniff.ts';
import { tmpDir } from '#server/files/store.ts';
import { MultipartError, discardFiles, fieldValue, parseMultipart, type ParsedForm } from '#server/files/multipart.ts';
import { contactOf, lateRefusal, type SubmissionContext } from './context.ts';
import { json } from './http.ts';
import { PHOTO_KIND, checkStagedQuota, stageAttachment, stagePhoto, stagedThumbUrl } from './staging.ts';

const FILE_FIELD = 'file';
const error = (message: string, status: number) => json({ error: message }, status);

export async function uploadApi(request: Request, context: SubmissionContext): Promise<Response> {
  let form: ParsedForm;
  try {
    form = await parseMultipart(request, {
      tmpDir: tmpDir(context.dataDir),
      fileLimit: (field) => (field === FILE_FIELD ? Math.max(LIMITS.photoBytes, LIMITS.attachmentBytes) : 0),
      requestBytes: Math.max(LIMITS.photoBytes, LIMITS.attachmentBytes) + LIMITS.fieldBytes,
    });
  } catch (caught) {
    if (caught instanceof MultipartError) return error(caught.message, caught.status);
    throw caught;
  }
  try {
    return await stageOne(form, context);
  } finally {
    await discardFiles(form.files);
  }
}

async function stageOne(form: ParsedForm, context: SubmissionContext): Promise<Response> {
  const late = lateRefusal(context);
  if (late) return error(late, 403);
  const check = await verifyUnitCode(context.db, {
    unitId: fieldValue(form, 'unit_id'),
    code: fieldValue(form, 'code'),
    address: context.address,
    now: context.now,
    contact: contactOf(context),
  });
  if (!check.ok) return error(check.message, check.status);

  const kind = fieldValue(form, 'kind');
  const isPhoto = kind === PHOTO_KIND;
  if (!isPhoto && !(fileFieldNames(context.campaign.requirements.essays) as string[]).includes(kind)) {
    return error('上传的类别不对，请刷新页面后重试。', 400);
  }
  const file = form.files.find((received) => received.field === FILE_FIELD);
  const limit = isPhoto ? LIMITS.photoBytes : LIMITS.attachmentBytes;
  if (form.errors[FILE_FIELD] || (file && file.bytes > limit)) {
    const what = isPhoto ? '照片' : '文件';
    return error(
      `这个${what}超过 ${formatMegabytes(limit)}，没有收下。${isPhoto ? '请在手机上压缩或截图后重新上传。' : '请压缩其中的图片后重新上传。'}`,
      413,
    );
  }
  if (!file) return error('没有收到文件，请重新选择后上传。', 400);

  try {
    if (isPhoto) {
      checkStagedQuota(context.db, check.unit.id, context.campaign.requirements.photos.max, context.now);
      const staged = await stagePhoto(context.db, context.dataDir, check.unit.id, file, context.now);
      return json({ token: staged.token, thumbUrl: stagedThumbUrl(staged.token), width: staged.width, height: staged.height });
    }
    const staged = await stageAttachment(context.db, context.dataDir, check.unit.id, kind, file, context.now);
    return json({ token: staged.token, thumbUrl: '', width: 0, height: 0, name: staged.originalName, bytes: staged.bytes });
  } catch (caught) {
    if (caught instanceof FileRefused) return error(caught.message, caught.status);
    if (isDiskFull(caught)) return error(STORAGE_FULL, 507);
    throw caught;
  }
}
