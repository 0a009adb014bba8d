import type { APIRoute } from 'astro';
import { consoleDatabase } from '#server/admin/campaign-context.ts';
import { confirmPublicAddress } from '#server/admin/public-address.ts';

export const prerender = false;

/** Only back into the console: the form's `back` field must not send anyone elsewhere. */
const consolePath = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && /^\/admin\/[\w/-]*$/.test(value) ? value : '/admin/';

/** The organiser confirms the address units use (POST from the console's address notice). */
export const POST: APIRoute = async ({ request }) => {
  const form = await request.formData();
  const back = consolePath(form.get('back'));
  const outcome = confirmPublicAddress(consoleDatabase(), String(form.get('public_url') ?? ''));
  const location = outcome.ok ? back : `${back}?address_error=${encodeURIComponent(outcome.message)}`;
  return new Response(null, { status: 303, headers: { location } });
};
