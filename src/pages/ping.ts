export const prerender = false;
export function GET(): Response {
  return new Response('ok');
}
