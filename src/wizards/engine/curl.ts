import { apiPath } from '../../api/transport/client';
import { MASK } from '../../api/transport/exchange-log';
import { fillRefs } from './apply';
import type { PlannedRequest } from './types';

export interface CurlOptions {
  /** the CMS (or proxy) origin, e.g. https://cms.example.com:445 */
  baseUrl: string;
  /** show passcodes; masked as ***** otherwise */
  revealSecrets: boolean;
}

/** Single-quotes for a POSIX shell: 'it'\''s'. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a copyable curl command: a password placeholder (never the real one), `-X`, and
 * one `--data-urlencode` per form field. `{ref}`s not created yet stay as `<ref id>`.
 */
export function toCurl(request: PlannedRequest, refs: Readonly<Record<string, string>>, options: CurlOptions): string {
  const placeholder = (text: string) => fillRefs(text, refs).text.replace(/\{([^{}]+)\}/g, '<$1 id>');
  const url = `${options.baseUrl.replace(/\/+$/, '')}${apiPath(placeholder(request.path))}`;
  const lines = [`curl -k -u 'admin:<password>' -X ${request.method} ${quote(url)}`];
  for (const [name, value] of Object.entries(request.form)) {
    const shown = request.sensitive.includes(name) && !options.revealSecrets && value !== '' ? MASK : placeholder(value);
    lines.push(`  --data-urlencode ${quote(`${name}=${shown}`)}`);
  }
  return lines.join(' \\\n');
}
