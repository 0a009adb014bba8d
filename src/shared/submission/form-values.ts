/**
 * The form's typed values as the browser, the server and a saved draft all hold them: keyed by
 * field name (FIELD.*, essay_N_*, photo_caption_N); a checkbox group is a list, everything else
 * text. The one way to read them, so that "missing", "sent once" and "ticked" mean the same
 * everywhere.
 */
export type FormValues = Record<string, string | string[]>;

/** A text field's value; a field that is missing or arrived as a list reads as empty. */
export function textValue(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** A checkbox group's value: one ticked box arrives as plain text, none as nothing. */
export function listValue(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
}

/** Whether anything was typed or ticked. */
export function hasAnyValue(values: Partial<FormValues>): boolean {
  return Object.keys(values).some((name) => {
    const value = values[name];
    return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
  });
}
