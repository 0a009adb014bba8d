/**
 * A problem in an author-written content file. The message is shown verbatim when the build
 * stops, so it names the file and the field in Chinese and says what to fix.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string | undefined;

  constructor(file: string, field: string | undefined, problem: string) {
    const where = field === undefined ? '' : `，字段“${field}”`;
    super(`内容文件有误：${file}${where}：${problem}`);
    this.name = 'ContentError';
    this.file = file;
    this.field = field;
  }
}
