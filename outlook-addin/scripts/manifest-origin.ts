/** The origin every URL of outlook-addin/manifest.xml starts with: the dev server's. */
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * The manifest with its URLs moved from the dev server to `base` (an https URL, maybe with a path, no
 * trailing slash). AppDomain takes the origin only.
 */
export function manifestFor(xml: string, base: string): string {
  const url = new URL(base);
  if (url.protocol !== 'https:') throw new Error(`The add-in must be served over https, not from ${base}`);
  const clean = base.replace(/\/+$/, '');
  return xml
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, `${clean}/`);
}
