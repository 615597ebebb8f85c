export type BasicCredentials = { user: string; password: string };

/** Asked before every request, so a login form can change credentials without a new client. */
export type CredentialsProvider = () => BasicCredentials | undefined;

function base64Utf8(text: string): string {
  // btoa only takes Latin-1, so feed it the UTF-8 bytes one char each; Buffer is not in browsers.
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function basicAuthHeader(credentials: BasicCredentials): string {
  if (credentials.user.includes(':')) {
    // RFC 7617: the first colon separates user from password, so such a name cannot be sent.
    throw new TypeError('A user name for HTTP Basic authentication cannot contain “:”.');
  }
  return `Basic ${base64Utf8(`${credentials.user}:${credentials.password}`)}`;
}
