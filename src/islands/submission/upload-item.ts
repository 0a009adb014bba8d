/**
 * One file on its way to the server (a photo or an attachment), as the form shows it.
 */
export type UploadStatus = 'preparing' | 'waiting' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  /** Local id; also names the file's record in the draft. */
  id: string;
  /** 'photo', or the attachment's field name (report_file, essay_1_file …), sent as /api/uploads kind. */
  kind: string;
  name: string;
  /** The bytes to upload; absent for a file the server already held when the form opened. */
  blob: Blob | undefined;
  /** True once the bytes are in the draft, so they survive a reload. */
  stored: boolean;
  /** A small JPEG made on the device, kept in the draft with the bytes. */
  preview: Blob | undefined;
  /** An object URL of the on-device preview, or the server's thumbnail. */
  previewUrl: string | undefined;
  token: string | undefined;
  tokenUnitId: string | undefined;
  thumbUrl: string | undefined;
  width: number | undefined;
  height: number | undefined;
  status: UploadStatus;
  /** 0…1 while uploading. */
  progress: number;
  /** Automatic retries spent since the last manual 重试. */
  attempts: number;
  /** Not before this time (ms) when waiting after a failure. */
  retryAt: number;
  /** What the liaison is told about this file, in Chinese; empty when all is well. */
  message: string;
  /** The server will never take this file (wrong type, too big): 删除, not 重试. */
  refused: boolean;
}

export interface PhotoItem extends UploadItem {
  caption: string;
}

export function newUploadItem(id: string, kind: string, name: string): UploadItem {
  return {
    id,
    kind,
    name,
    blob: undefined,
    stored: false,
    preview: undefined,
    previewUrl: undefined,
    token: undefined,
    tokenUnitId: undefined,
    thumbUrl: undefined,
    width: undefined,
    height: undefined,
    status: 'waiting',
    progress: 0,
    attempts: 0,
    retryAt: 0,
    message: '',
    refused: false,
  };
}

/** What the status line under a file says. */
export function statusText(item: UploadItem): string {
  if (item.message) return item.message;
  switch (item.status) {
    case 'preparing':
      return '正在压缩……';
    case 'waiting':
      return item.stored ? '已保存在本机，等待上传' : '等待上传';
    case 'uploading':
      return `正在上传 ${Math.round(item.progress * 100)}%`;
    case 'done':
      return '已上传';
    case 'failed':
      return '上传失败，请点“重试”。';
  }
}
