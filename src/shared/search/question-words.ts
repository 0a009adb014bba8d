/**
 * The words of a question around what is asked: 什么是沙盒监管 asks for 沙盒监管. The texts never
 * hold these words next to the answer, so a query keeps them out of its search terms (the reader
 * still sees the query as typed).
 */

const leading = /^(请问|什么叫|什么是|何为|如何理解|怎么理解|怎样理解|如何|怎么|怎样|为什么|为何|《?纲要》?(里|中|的)?)+/;
const trailing = /(是什么意思|什么意思|是什么|指什么|是指什么|有哪些|是哪些|有什么|是多少|多少|几篇|吗|呢|[？?])+$/;
const inner = /什么|多少|怎么|如何|哪些/g;

/** The query without its question words, or the query itself when nothing else would be left. */
export function withoutQuestionWords(query: string): string {
  const core = query.trim().replace(leading, '').replace(trailing, '').replace(inner, ' ').trim();
  return core.length >= 2 ? core : query.trim();
}
