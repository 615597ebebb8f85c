import { apiPath } from '../../api/transport/client';
import { curlCommand } from '../../api/wire/curl';
import { maskValue } from '../../api/wire/secrets';
import { fillRefs } from './apply';
import type { PlannedRequest } from './types';

export interface CurlOptions {
  /** the CMS (or proxy) origin, e.g. https://cms.example.com:445 */
  baseUrl: string;
  /** show passcodes; masked as ***** otherwise */
  revealSecrets: boolean;
}

/** The request as a copyable curl command; `{ref}`s not created yet stay as `<ref id>`. */
export function toCurl(request: PlannedRequest, refs: Readonly<Record<string, string>>, options: CurlOptions): string {
  const placeholder = (text: string) => fillRefs(text, refs).text.replace(/\{([^{}]+)\}/g, '<$1 id>');
  const url = `${options.baseUrl.replace(/\/+$/, '')}${apiPath(placeholder(request.path))}`;
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.form)) form[name] = options.revealSecrets ? placeholder(value) : maskValue(name, placeholder(value));
  return curlCommand({ method: request.method, url, form });
}
