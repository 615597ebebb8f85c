import { isSecretParam, MASK } from '../src/api/wire/secrets';

/** Masks secret values in a query or form string the way CMS's own API trace does (`passcode=*****`). */
export function maskParams(text: string): string {
  return text.replace(/([^&=?]+)=([^&]*)/g, (whole, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // an undecodable name is logged as sent
    }
    return isSecretParam(decoded) ? `${name}=${MASK}` : whole;
  });
}
