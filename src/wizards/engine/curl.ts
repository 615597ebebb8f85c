import { apiPath } from '../../api/transport/client';
import { shellQuote } from '../../api/wire/curl';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../../api/wire/requested-by';
import { fillRefs } from '../../domain/space-planning/apply';
import type { PlannedRequest } from '../../domain/space-planning/types';

export interface CurlOptions {
  /** the CMS (or proxy) origin, e.g. https://cms.example.com:445 */
  baseUrl: string;
  /** put the PINs in the copy; otherwise it reads them from shell variables the admin sets */
  revealSecrets: boolean;
  /** the cluster is configured not to verify TLS: only then does curl get `-k` */
  insecureTls?: boolean;
  /** the address is this studio's proxy (built-in mock CMS), which wants `X-Requested-By` */
  viaStudioProxy?: boolean;
}

const CAPTURED = /\{([^{}]+)\}/;
const CREDENTIALS = ['CMS_USER', 'CMS_PASSWORD'] as const;

const snake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** `{space}` → SPACE_ID: the variable an id created by an earlier POST of the script is kept in. */
export const refVariable = (ref: string) => `${snake(ref)}_ID`;

/** The shell variable a secret of a request is read from: HOST_PIN, SPACE_PIN, else e.g. CALL_PROFILE_SECRET. */
export function secretVariable(request: Pick<PlannedRequest, 'key'>, parameter: string): { name: string; what: string } {
  if (/^passcode$/i.test(parameter) && request.key === 'accessMethod') return { name: 'HOST_PIN', what: 'the host PIN' };
  if (/^passcode$/i.test(parameter) && request.key === 'space') return { name: 'SPACE_PIN', what: 'the space PIN' };
  return { name: `${snake(request.key)}_${snake(parameter)}`, what: `the ${parameter} of ${request.key}` };
}

/** A variable the script needs before it starts: from the admin's shell, or (a revealed PIN) set in the copy. */
const required = (name: string, what: string) => `${name}="\${${name}:?set ${name} to ${what} first}"`;

interface Script {
  /** the `{ref}`s of the plan: what its POSTs create (a `{…}` in an admin's text is no ref) */
  refNames: ReadonlySet<string>;
  declarations: Map<string, string>;
  /** refs a POST of this script captures from its Location */
  captured: Set<string>;
}

/** Text as one shell word: literal runs single-quoted, every `{ref}` of the plan not known yet as "$REF_ID". */
function shellWord(text: string, refs: Readonly<Record<string, string>>, script: Script): string {
  const parts = fillRefs(text, refs).text.split(CAPTURED);
  const words: string[] = [];
  let literal = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0 || !script.refNames.has(part)) {
      literal += i % 2 === 0 ? part : `{${part}}`;
      return;
    }
    if (literal !== '') words.push(shellQuote(literal));
    literal = '';
    const variable = refVariable(part);
    if (!script.captured.has(part) && !script.declarations.has(variable)) script.declarations.set(variable, required(variable, `the ${part} id`));
    words.push(`"$${variable}"`);
  });
  if (literal !== '' || words.length === 0) words.push(shellQuote(literal));
  return words.join('');
}

function formArgument(request: PlannedRequest, name: string, value: string, options: CurlOptions, refs: Readonly<Record<string, string>>, script: Script): string {
  if (!request.sensitive.includes(name) || value === '') return `--data-urlencode ${shellWord(`${name}=${value}`, refs, script)}`;
  const secret = secretVariable(request, name);
  script.declarations.set(secret.name, options.revealSecrets ? `${secret.name}=${shellQuote(value)}` : required(secret.name, secret.what));
  return `--data-urlencode ${shellQuote(`${name}=`)}"$${secret.name}"`;
}

/** One request as a call of the script's `cms` function; a POST that creates an object keeps the id CMS gives in `Location`. */
function requestLines(request: PlannedRequest, index: number, refs: Readonly<Record<string, string>>, options: CurlOptions, script: Script): string[] {
  const args = [`cms -X ${request.method}`];
  for (const [name, value] of Object.entries(request.form)) args.push(formArgument(request, name, value, options, refs, script));
  args.push(`"$CMS"${shellWord(apiPath(request.path), refs, script)}`);
  const command = args.join(' \\\n  ');
  const comment = `# ${index + 1}. ${request.title}`;
  const creates = request.creates;
  if (request.method !== 'POST' || creates === undefined || refs[creates] !== undefined) return [comment, command];
  script.captured.add(creates);
  const variable = refVariable(creates);
  const stop = shellQuote(`Request ${index + 1} created no ${creates} (no Location from CMS): stopping.`);
  return [comment, `${variable}=$(${command})`, `[ -n "$${variable}" ] || { echo ${stop} >&2; exit 1; }`, `echo "${variable}=$${variable}"`];
}

/**
 * The one place curl runs: with the credentials, `-k` only for a cluster configured insecure, the
 * header the studio's proxy wants. Prints the id of what a POST created (from `Location`); on a
 * failure prints CMS's answer and stops. (Plain `-i` and the status line, not --fail-with-body or
 * %header{}, so that curls older than 7.84 run it too.)
 */
function cmsFunction(options: CurlOptions): string[] {
  const flags = ['-sS', '-i', ...(options.insecureTls ? ['-k'] : []), '-u "$CMS_USER:$CMS_PASSWORD"'];
  if (options.viaStudioProxy) flags.push(`-H ${shellQuote(`${REQUESTED_BY_HEADER}: ${REQUESTED_BY}`)}`);
  return [
    'cms() {',
    `  answer=$(curl ${flags.join(' ')} "$@") || exit 1`,
    "  status=$(printf '%s\\n' \"$answer\" | head -n 1 | cut -d ' ' -f 2)",
    '  case $status in',
    "    2??) printf '%s\\n' \"$answer\" | tr -d '\\r' | sed -n 's|^[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]:.*/||p' | tail -n 1 ;;",
    "    *) printf 'CMS answered %s:\\n%s\\n' \"$status\" \"$answer\" >&2; exit 1 ;;",
    '  esac',
    '}',
  ];
}

/**
 * The requests as a script that runs as copied (pasted into a shell, or saved and run with `sh`):
 * credentials and hidden PINs come from shell variables it names, later requests use the ids CMS
 * gave earlier POSTs in their `Location`, and it stops at the first request that fails. It runs
 * in a subshell, so a failure ends the script and not the admin's terminal.
 */
export function curlScript(requests: readonly PlannedRequest[], refs: Readonly<Record<string, string>>, options: CurlOptions): string {
  return buildScript(requests, 0, requests, refs, options);
}

/** Request `index` of the plan as a script of its own (ids created by earlier requests: variables to set first). */
export function toCurl(plan: readonly PlannedRequest[], index: number, refs: Readonly<Record<string, string>>, options: CurlOptions): string {
  return buildScript(plan.slice(index, index + 1), index, plan, refs, options);
}

function buildScript(
  requests: readonly PlannedRequest[],
  firstIndex: number,
  plan: readonly PlannedRequest[],
  refs: Readonly<Record<string, string>>,
  options: CurlOptions,
): string {
  const refNames = new Set([...plan.flatMap((r) => (r.creates === undefined ? [] : [r.creates])), ...Object.keys(refs)]);
  const script: Script = { refNames, declarations: new Map(), captured: new Set() };
  const body = requests.flatMap((request, i) => ['', ...requestLines(request, firstIndex + i, refs, options, script)]);
  const needs = [...CREDENTIALS, ...[...script.declarations].filter(([, line]) => line.includes(':?')).map(([name]) => name)];
  const count = requests.length === 1 ? '1 request' : `${requests.length} requests`;
  return [
    `# ${count} to CMS, in order; stops at the first that fails.`,
    `# Set first in this shell: ${needs.join(', ')}.`,
    '(',
    'set -eu',
    `CMS=${shellQuote(options.baseUrl.replace(/\/+$/, ''))}`,
    ...CREDENTIALS.map((name) => required(name, name === 'CMS_USER' ? 'a CMS API user' : 'its password')),
    ...script.declarations.values(),
    ...cmsFunction(options),
    ...body,
    ')',
  ].join('\n');
}
