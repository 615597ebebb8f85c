const SECRET_NAMES = /^(passcode|secret|password|pin|authorization)$/i;

/** Masks secret values in a query or form string the way CMS's own API trace does (`passcode=*****`). */
export function maskParams(text: string): string {
  return text.replace(/([^&=?]+)=([^&]*)/g, (whole, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // an undecodable name is logged as sent
    }
    return SECRET_NAMES.test(decoded) ? `${name}=*****` : whole;
  });
}
