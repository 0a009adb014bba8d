import type { APIRoute } from 'astro';
import { contentDisposition } from '#server/files/download-names.ts';

export const prerender = false;

/** An import template in UTF-8 with a BOM, so Excel opens the Chinese headers correctly. */
export const GET: APIRoute = ({ locals }) => {
  const [first = '局机关科室', second = first] = locals.campaign.categories;
  const text = `\uFEFF单位名称,类别,联系人,联系电话\r\n示例水利局,${first},张三,13800000000\r\n示例科室,${second},李四,0373-2079642\r\n`;
  return new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition('attachment', '单位名单模板.csv', 'units-template.csv'),
    },
  });
};
