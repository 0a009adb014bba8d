/**
 * What the clerk did in the plain form before the island started: on a slow phone the page is
 * usable seconds before its script arrives, and hydration would put every control back to the
 * server's values. Read once, just before hydration, from the server-rendered form itself.
 */
import { fileFieldNames } from '#shared/submission/form.ts';
import { photoCaptionField } from '#shared/submission/fields.ts';

export interface PlainFormInput {
  /** Every text, choice and checkbox group, as the form would post them. */
  values: Record<string, string | string[]>;
  /** Photos chosen in the plain rows, each with the caption typed beside it. */
  photos: { file: File; caption: string }[];
  /** Files chosen for the report, the information and the essays. */
  attachments: Record<string, File>;
}

const photoFile = /^photo_(\d+)$/;
// Hidden fields carry the server's own state, and 保留已收到 boxes are the server's to decide.
const skipped = (element: HTMLInputElement) =>
  /^(hidden|submit|button|reset|image)$/.test(element.type) || /_token(_\d+)?$/.test(element.name);

export function readPlainForm(form: HTMLFormElement | null, essayCount: number): PlainFormInput | undefined {
  if (!form) return undefined;
  const values: Record<string, string | string[]> = {};
  const photos: PlainFormInput['photos'] = [];
  const attachments: Record<string, File> = {};
  const attachmentFields: string[] = fileFieldNames(essayCount);
  const controls = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input[name], select[name], textarea[name]',
  );
  for (const control of Array.from(controls)) {
    const { name } = control;
    if (control instanceof HTMLInputElement) {
      if (skipped(control)) continue;
      if (control.type === 'file') {
        const file = control.files?.[0];
        const photo = photoFile.exec(name);
        if (file && photo) {
          const caption = form.querySelector<HTMLInputElement>(`[name="${photoCaptionField(Number(photo[1]))}"]`);
          photos.push({ file, caption: caption ? caption.value : '' });
        } else if (file && attachmentFields.indexOf(name) >= 0) attachments[name] = file;
        continue;
      }
      if (control.type === 'checkbox') {
        const list = Array.isArray(values[name]) ? (values[name] as string[]) : [];
        if (control.checked) list.push(control.value);
        values[name] = list;
        continue;
      }
      if (control.type === 'radio') {
        if (control.checked) values[name] = control.value;
        continue;
      }
    }
    values[name] = control.value;
  }
  // Captions belong to the photos they were typed for, which the island lists itself.
  for (const name of Object.keys(values)) if (/^photo_caption_\d+$/.test(name)) delete values[name];
  return { values, photos, attachments };
}
