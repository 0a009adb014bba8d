import type { z } from 'zod';
import { ContentError } from './content-error.ts';

/** Validates a parsed YAML block against its schema; the first problem stops the build. */
export function checkFrontmatter<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(file, undefined, 'YAML 信息块应为“字段: 值”的形式，现在为空或不是字段列表');
  }
  const result = schema.safeParse(data, { error: fallbackMessage });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new ContentError(file, undefined, 'YAML 信息块不符合要求');
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  throw new ContentError(file, fieldName(path), issue.message);
}

/** Field path as authors see it in YAML, e.g. related 第 2 项的 quote. */
export function fieldName(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((part, index) => (typeof part === 'number' ? ` 第 ${part + 1} 项${index < path.length - 1 ? '的 ' : ''}` : String(part)))
    .join('')
    .trim();
}

// Schemas carry their own Chinese wording; this covers what a schema cannot word itself.
function fallbackMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `有不认识的字段：${issue.keys.join('、')}。请检查拼写，或删去这些字段`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return '缺少这一项，请补上';
  if (issue.code === 'invalid_type') return '类型不对，请对照其他文件的写法';
  return '填写不符合要求，请对照其他文件的写法';
}
